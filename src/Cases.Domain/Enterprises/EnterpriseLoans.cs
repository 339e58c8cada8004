using Cases.Domain.Deciders;

namespace Cases.Domain.Enterprises;

/// <summary>Deciding an enterprise's loan interest subsidy requests (Art. 6; returnee-measures-2024 item 7).</summary>
internal static class EnterpriseLoans
{
    public static Decision<IEnterpriseEvent> Request(EnterpriseState state, RequestLoanInterestSubsidy r, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(r.LoanReference))
            return EnterpriseDecider.Reject("loan-missing", "Name the loan.");
        if (state.LoanInterestSubsidies.ContainsKey(r.LoanReference))
            return EnterpriseDecider.Reject("loan-already-requested", $"A subsidy for loan {r.LoanReference} was already requested.");
        if (r.PrincipalCny <= 0 || r.InterestCny <= 0)
            return EnterpriseDecider.Reject("loan-invalid", "Principal and interest must be positive.");
        // Art. 6: "partial or full interest subsidy"; item 7: "a percentage of actual interest" for IP-backed loans.
        if (r.CoveragePercent is < 1 or > 100)
            return EnterpriseDecider.Reject("coverage-invalid", "Coverage is 1 to 99 percent (partial) or 100 (full).");
        // Multiplied in 128 bits: the share is at most the interest, but interest times percent can exceed a long.
        var requested = (long)((Int128)r.InterestCny * r.CoveragePercent / 100);
        return EnterpriseDecider.Accept(new LoanInterestSubsidyRequested(
            r.LoanReference, r.PrincipalCny, r.InterestCny, r.CoveragePercent, r.IpBacked, requested, today));
    }

    public static Decision<IEnterpriseEvent> RecordDecision(EnterpriseState state, RecordLoanInterestSubsidyDecision d, DateOnly today)
    {
        if (!state.LoanInterestSubsidies.TryGetValue(d.LoanReference, out var subsidy))
            return EnterpriseDecider.Reject("loan-unknown", $"No subsidy was requested for loan {d.LoanReference}.");
        if (d.Committed ? d.AmountCny <= 0 || d.AmountCny > subsidy.Request.RequestedAmountCny : d.AmountCny != 0)
            return EnterpriseDecider.Reject("amount-invalid", "A commitment is positive and at most the amount requested; a refusal has none.");
        if (subsidy.Decision is { } earlier)
        {
            return earlier.Committed == d.Committed && earlier.AmountCny == d.AmountCny
                ? EnterpriseDecider.Accept() // A redelivered decision changes nothing.
                : EnterpriseDecider.Reject("loan-already-decided", $"Loan {d.LoanReference} was already decided on {earlier.DecidedOn}.");
        }
        return EnterpriseDecider.Accept(new LoanInterestSubsidyDecided(d.LoanReference, d.Committed, d.AmountCny, d.Reason, today));
    }
}
