using Cases.Domain.Rules;

namespace Cases.Domain.Subsidies;

/// <summary>The conditions of a loan interest subsidy (Art. 6; returnee-measures-2024 item 7), each with its source and a reason a person reads.</summary>
internal static class LoanSubsidyConditions
{
    private const string Art6 = "overseas-educated-personnel-measures Art. 6";
    private const string Item7 = "returnee-measures-2024 item 7";

    /// <summary>Whether the request may join the officers' queue: a reviewed enterprise, a bank loan, a coverage within the rule set's limit.</summary>
    public static Evaluation Eligibility(LoanSubsidyRequest r, RuleSet rules)
    {
        var limit = r.IpBacked ? rules.IpBackedLoanInterestMaxCoveragePercent : rules.LoanInterestMaxCoveragePercent;
        var share = r.CoveragePercent == 100 ? "full (100 %)" : $"partial ({r.CoveragePercent} %)";
        var coverageOk = r.CoveragePercent >= 1 && r.CoveragePercent <= limit && r.RequestedAmountCny > 0;
        List<Condition> conditions =
        [
            // Art. 6: the subsidies are for "those who have passed the review" of the centre.
            new("review-passed", Art6, r.PassedReview,
                r.PassedReview ? "The enterprise had passed the centre's review when it asked." : "The enterprise had not passed the centre's review when it asked."),
            // Art. 6: "those who obtain bank loans": a loan with principal that bears interest.
            new("bank-loan", Art6, r.PrincipalCny > 0 && r.InterestCny > 0,
                $"Loan {r.LoanReference}{(r.IpBacked ? ", IP-backed," : "")} of CNY {r.PrincipalCny} principal bears CNY {r.InterestCny} interest."),
            // Art. 6 "partial or full"; item 7 "a percentage of actual interest" for IP-backed loans, each up to its rule-set limit.
            new(r.IpBacked ? "ip-backed-coverage" : "coverage", r.IpBacked ? Item7 : Art6, coverageOk,
                $"A {share} subsidy of the actual interest asks for CNY {r.RequestedAmountCny}; " +
                $"{(r.IpBacked ? "IP-backed loans" : "bank loans")} are covered up to {limit} %" +
                (r.RequestedAmountCny > 0 ? "." : ", and a share of nothing is no subsidy.")),
        ];
        return new Evaluation(rules.Version, conditions.TrueForAll(c => c.Passed), conditions);
    }

    /// <summary>An officer's commitment: the queued request's conditions, the amount within the request, and the budget covering it.</summary>
    public static Evaluation Commitment(LoanSubsidyRequest r, long amountCny, long remainingBudgetCny, RuleSet rules)
    {
        List<Condition> conditions =
        [
            .. r.Eligibility?.Conditions ?? [],
            // Art. 6: the subsidy is of the interest asked for; an officer may commit less, never more.
            new("within-request", Art6, amountCny <= r.RequestedAmountCny,
                $"CNY {amountCny} committed of the CNY {r.RequestedAmountCny} requested."),
            // The same yearly budget as the start-up grants: a commitment it does not cover is refused, never partly made.
            new("budget-covers", Art6, remainingBudgetCny >= amountCny,
                $"The remaining budget of CNY {remainingBudgetCny} {(remainingBudgetCny >= amountCny ? "covers" : "does not cover")} CNY {amountCny}."),
        ];
        return new Evaluation(rules.Version, conditions.TrueForAll(c => c.Passed), conditions);
    }

    /// <summary>An officer's refusal: the queued request's conditions and the officer's judgement with its reason.</summary>
    public static Evaluation Refusal(LoanSubsidyRequest r, string officer, string reason, RuleSet rules) => new(
        rules.Version,
        false,
        [.. r.Eligibility?.Conditions ?? [], new Condition("officer-judgement", Art6, false, $"Refused by {officer}: {reason}")]);

    /// <summary>The failed conditions' reasons, as one sentence the enterprise reads.</summary>
    public static string FailedReasons(Evaluation evaluation) => string.Join(" ", evaluation.Failed.Select(c => c.Reason));
}
