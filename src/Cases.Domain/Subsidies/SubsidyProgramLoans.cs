using Cases.Domain.Deciders;

namespace Cases.Domain.Subsidies;

/// <summary>Deciding loan interest subsidy commitments and payments against a programme's budget (Art. 6; returnee-measures-2024 item 7).</summary>
internal static class SubsidyProgramLoans
{
    public static Decision<ISubsidyProgramEvent> Commit(SubsidyProgramState state, CommitLoanInterestSubsidy c, CommandContext context, string ruleSetVersion)
    {
        if (string.IsNullOrWhiteSpace(c.EnterpriseKey) || string.IsNullOrWhiteSpace(c.LoanReference))
            return SubsidyProgramDecider.Reject("loan-missing", "Name the enterprise and the loan.");
        if (c.AmountCny <= 0)
            return SubsidyProgramDecider.Reject("amount-invalid", "A subsidy commitment is positive.");
        if (state.LoanSubsidies.ContainsKey(SubsidyProgramState.LoanKey(c.EnterpriseKey, c.LoanReference)))
            return SubsidyProgramDecider.Reject("loan-already-committed", $"Loan {c.LoanReference} of {c.EnterpriseKey} already has a commitment.");
        // The same budget as the start-up grants: a commitment the remaining budget does not cover is refused, never partly made.
        if (state.RemainingBudgetCny < c.AmountCny)
        {
            return SubsidyProgramDecider.Accept(new LoanInterestSubsidyRefused(
                c.EnterpriseKey, c.LoanReference, c.AmountCny,
                $"The remaining budget of CNY {state.RemainingBudgetCny} does not cover CNY {c.AmountCny}.",
                state.RemainingBudgetCny, ruleSetVersion));
        }
        return SubsidyProgramDecider.Accept(new LoanInterestSubsidyCommitted(
            c.EnterpriseKey, c.LoanReference, c.AmountCny, state.RemainingBudgetCny - c.AmountCny, context.Actor, ruleSetVersion));
    }

    public static Decision<ISubsidyProgramEvent> Pay(SubsidyProgramState state, PayLoanInterestSubsidy p, CommandContext context)
    {
        if (!state.LoanSubsidies.TryGetValue(SubsidyProgramState.LoanKey(p.EnterpriseKey, p.LoanReference), out var commitment))
            return SubsidyProgramDecider.Reject("loan-not-committed", $"No subsidy was committed for loan {p.LoanReference} of {p.EnterpriseKey}.");
        // Interest is subsidised as it falls due, so payments may come in parts, but never beyond the commitment.
        if (p.AmountCny <= 0 || p.AmountCny > commitment.CommittedCny - commitment.PaidCny)
        {
            return SubsidyProgramDecider.Reject("amount-invalid",
                $"A payment is positive and at most the CNY {commitment.CommittedCny - commitment.PaidCny} still committed.");
        }
        return SubsidyProgramDecider.Accept(new LoanInterestSubsidyPaid(
            p.EnterpriseKey, p.LoanReference, p.AmountCny, context.Today, context.Actor));
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
}
