using Cases.Domain.Deciders;
using Cases.Domain.Rules;

namespace Cases.Domain.Subsidies;

/// <summary>Deciding loan interest subsidies (Art. 6; returnee-measures-2024 item 7): requests waiting or queued, officers' commitments and refusals against the budget, and payments.</summary>
internal static class SubsidyProgramLoans
{
    // Art. 6: like a grant request, a loan request is never lost to an unopened programme; it waits on the record for the opening.
    public static Decision<ISubsidyProgramEvent> Wait(SubsidyProgramState state, SubmitLoanInterestSubsidyRequest submit, RuleSet rules)
    {
        if (Problem(state, submit.Request) is { } problem)
            return problem;
        return SubsidyProgramDecider.Accept(new LoanInterestSubsidyRequestWaiting(
            submit.Request with { Eligibility = null }, "The programme has not been opened; the request is judged when it opens.", rules.Version));
    }

    public static Decision<ISubsidyProgramEvent> Submit(SubsidyProgramState state, SubmitLoanInterestSubsidyRequest submit, RuleSet rules) =>
        Problem(state, submit.Request) ?? SubsidyProgramDecider.Accept(Judge(state, submit.Request, rules));

    // A request meeting its conditions waits for an officer; one failing any is refused at once with each condition's reason.
    public static ISubsidyProgramEvent Judge(SubsidyProgramState state, LoanSubsidyRequest request, RuleSet rules)
    {
        var eligibility = LoanSubsidyConditions.Eligibility(request, rules);
        return eligibility.Passed
            ? new LoanInterestSubsidyRequestQueued(request with { Eligibility = eligibility }, eligibility)
            : new LoanInterestSubsidyRefused(request.EnterpriseKey, request.LoanReference, request.RequestedAmountCny,
                LoanSubsidyConditions.FailedReasons(eligibility), state.RemainingBudgetCny, rules.Version, eligibility);
    }

    public static Decision<ISubsidyProgramEvent> Commit(SubsidyProgramState state, CommitLoanInterestSubsidy c, CommandContext context, RuleSet rules)
    {
        if (string.IsNullOrWhiteSpace(c.EnterpriseKey) || string.IsNullOrWhiteSpace(c.LoanReference))
            return SubsidyProgramDecider.Reject("loan-missing", "Name the enterprise and the loan.");
        var key = SubsidyProgramState.LoanKey(c.EnterpriseKey, c.LoanReference);
        if (state.LoanSubsidies.ContainsKey(key))
            return SubsidyProgramDecider.Reject("loan-already-committed", $"Loan {c.LoanReference} of {c.EnterpriseKey} already has a commitment.");
        if (state.LoanRequests.Find(r => r.Key == key) is not { } request)
            return SubsidyProgramDecider.Reject("loan-not-requested", $"No request for loan {c.LoanReference} of {c.EnterpriseKey} waits in this programme's queue.");
        var amount = c.AmountCny ?? request.RequestedAmountCny;
        if (amount <= 0)
            return SubsidyProgramDecider.Reject("amount-invalid", "A subsidy commitment is positive.");
        // An officer's slip, not a decision: nothing is recorded and the request stays queued.
        if (amount > request.RequestedAmountCny)
            return SubsidyProgramDecider.Reject("amount-above-request", $"CNY {amount} is more than the CNY {request.RequestedAmountCny} requested for loan {c.LoanReference}.");
        var evaluation = LoanSubsidyConditions.Commitment(request, amount, state.RemainingBudgetCny, rules);
        // The same budget as the start-up grants: a commitment the remaining budget does not cover is refused on the record, never partly made.
        if (!evaluation.Passed)
        {
            return SubsidyProgramDecider.Accept(new LoanInterestSubsidyRefused(
                c.EnterpriseKey, c.LoanReference, amount, LoanSubsidyConditions.FailedReasons(evaluation), state.RemainingBudgetCny, rules.Version, evaluation));
        }
        return SubsidyProgramDecider.Accept(new LoanInterestSubsidyCommitted(
            c.EnterpriseKey, c.LoanReference, amount, state.RemainingBudgetCny - amount, context.Actor, rules.Version, evaluation));
    }

    public static Decision<ISubsidyProgramEvent> Refuse(SubsidyProgramState state, RefuseLoanInterestSubsidy r, CommandContext context, RuleSet rules)
    {
        if (string.IsNullOrWhiteSpace(r.Reason))
            return SubsidyProgramDecider.Reject("reason-missing", "A refusal states its reason.");
        var key = SubsidyProgramState.LoanKey(r.EnterpriseKey, r.LoanReference);
        if (state.LoanSubsidies.ContainsKey(key))
            return SubsidyProgramDecider.Reject("loan-already-committed", $"Loan {r.LoanReference} of {r.EnterpriseKey} already has a commitment.");
        if (state.LoanRequests.Find(q => q.Key == key) is not { } request)
            return SubsidyProgramDecider.Reject("loan-not-requested", $"No request for loan {r.LoanReference} of {r.EnterpriseKey} waits in this programme's queue.");
        var evaluation = LoanSubsidyConditions.Refusal(request, context.Actor, r.Reason, rules);
        return SubsidyProgramDecider.Accept(new LoanInterestSubsidyRefused(
            r.EnterpriseKey, r.LoanReference, request.RequestedAmountCny, r.Reason, state.RemainingBudgetCny, rules.Version, evaluation));
    }

    public static Decision<ISubsidyProgramEvent> Pay(SubsidyProgramState state, PayLoanInterestSubsidy p, CommandContext context)
    {
        if (!state.LoanSubsidies.TryGetValue(SubsidyProgramState.LoanKey(p.EnterpriseKey, p.LoanReference), out var commitment))
            return SubsidyProgramDecider.Reject("loan-not-committed", $"No subsidy was committed for loan {p.LoanReference} of {p.EnterpriseKey}.");
        // Interest is subsidised as it falls due, so payments may come in parts, but never beyond the commitment.
        if (p.AmountCny <= 0 || p.AmountCny > commitment.RemainingCny)
            return SubsidyProgramDecider.Reject("amount-invalid", $"A payment is positive and at most the CNY {commitment.RemainingCny} still committed.");
        return SubsidyProgramDecider.Accept(new LoanInterestSubsidyPaid(
            p.EnterpriseKey, p.LoanReference, p.AmountCny, context.Today, context.Actor));
    }

    public static SubsidyProgramState ApplyQueued(SubsidyProgramState state, LoanInterestSubsidyRequestQueued q) => state with
    {
        WaitingLoanRequests = state.WaitingLoanRequests.RemoveAll(r => r.Key == q.Request.Key),
        LoanRequests = state.LoanRequests.Add(q.Request),
    };

    public static SubsidyProgramState ApplyCommitted(SubsidyProgramState state, LoanInterestSubsidyCommitted c)
    {
        var key = SubsidyProgramState.LoanKey(c.EnterpriseKey, c.LoanReference);
        return state with
        {
            CommittedCny = checked(state.CommittedCny + c.AmountCny),
            LoanSubsidies = state.LoanSubsidies.SetItem(key, new LoanSubsidyCommitment(c.EnterpriseKey, c.LoanReference, c.AmountCny, 0)),
            LoanRequests = state.LoanRequests.RemoveAll(r => r.Key == key),
        };
    }

    public static SubsidyProgramState ApplyRefused(SubsidyProgramState state, LoanInterestSubsidyRefused r)
    {
        var key = SubsidyProgramState.LoanKey(r.EnterpriseKey, r.LoanReference);
        return state with
        {
            WaitingLoanRequests = state.WaitingLoanRequests.RemoveAll(q => q.Key == key),
            LoanRequests = state.LoanRequests.RemoveAll(q => q.Key == key),
        };
    }

    public static SubsidyProgramState ApplyPayment(SubsidyProgramState state, LoanInterestSubsidyPaid p)
    {
        var key = SubsidyProgramState.LoanKey(p.EnterpriseKey, p.LoanReference);
        var commitment = state.LoanSubsidies[key];
        return state with
        {
            PaidCny = checked(state.PaidCny + p.AmountCny),
            LoanSubsidies = state.LoanSubsidies.SetItem(key, commitment with { PaidCny = checked(commitment.PaidCny + p.AmountCny) }),
        };
    }

    // What makes a delivered request unusable; the enterprise already refuses most of these, so this guards the programme's own record.
    private static Decision<ISubsidyProgramEvent>? Problem(SubsidyProgramState state, LoanSubsidyRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.EnterpriseKey) || string.IsNullOrWhiteSpace(r.LoanReference))
            return SubsidyProgramDecider.Reject("loan-missing", "Name the enterprise and the loan.");
        return state.KnowsLoan(r.Key)
            ? SubsidyProgramDecider.Reject("loan-already-requested", $"Loan {r.LoanReference} of {r.EnterpriseKey} is already on this programme's record.")
            : null;
    }
}
