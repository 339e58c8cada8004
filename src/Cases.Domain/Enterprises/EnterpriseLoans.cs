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
        // Art. 6: the programme judges the review as it stood when the enterprise asked, so the request carries it.
        return EnterpriseDecider.Accept(new LoanInterestSubsidyRequested(
            r.LoanReference, r.PrincipalCny, r.InterestCny, r.CoveragePercent, r.IpBacked, requested, today, state.PassedReview));
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

    public static Decision<IEnterpriseEvent> RecordPayment(EnterpriseState state, RecordLoanInterestSubsidyPayment p, DateOnly today)
    {
        if (!state.LoanInterestSubsidies.TryGetValue(p.LoanReference, out var subsidy))
            return EnterpriseDecider.Reject("loan-unknown", $"No subsidy was requested for loan {p.LoanReference}.");
        if (subsidy.Decision is not { Committed: true })
            return EnterpriseDecider.Reject("loan-not-committed", $"No subsidy was committed for loan {p.LoanReference}.");
        // The programme never pays beyond its commitment; the enterprise's record holds to the same bound.
        if (p.AmountCny <= 0 || p.AmountCny > subsidy.RemainingCny)
            return EnterpriseDecider.Reject("amount-invalid", $"A payment is positive and at most the CNY {subsidy.RemainingCny} still committed.");
        return EnterpriseDecider.Accept(new LoanInterestSubsidyPaymentRecorded(p.LoanReference, p.AmountCny, p.PaidOn, today));
    }

    public static EnterpriseState ApplyPayment(EnterpriseState state, LoanInterestSubsidyPaymentRecorded p)
    {
        var subsidy = state.LoanInterestSubsidies[p.LoanReference];
        return state with
        {
            LoanInterestSubsidies = state.LoanInterestSubsidies.SetItem(p.LoanReference, subsidy with { PaidCny = checked(subsidy.PaidCny + p.AmountCny) }),
        };
    }
}
