using Cases.Domain.Deciders;
using Cases.Domain.Rules;

namespace Cases.Domain.Subsidies;

/// <summary>Deciding start-up grant requests (Art. 6): waiting for the opening, the award or refusal against the budget, and payment.</summary>
internal static class SubsidyProgramGrants
{
    // Art. 6: a passed review is never lost to an unopened programme; the request waits on the programme's record for the opening.
    public static Decision<ISubsidyProgramEvent> Wait(SubsidyProgramState state, RequestStartupGrant request, CommandContext context, RuleSet rules)
    {
        if (string.IsNullOrWhiteSpace(request.EnterpriseKey))
            return SubsidyProgramDecider.Reject("enterprise-missing", "Name the enterprise.");
        if (state.IsWaiting(request.EnterpriseKey))
            return SubsidyProgramDecider.Reject("grant-already-waiting", $"A start-up grant request of {request.EnterpriseKey} already waits for the opening.");
        return SubsidyProgramDecider.Accept(new GrantRequestWaiting(
            request.EnterpriseKey, context.Today, "The programme has not been opened; the request is decided when it opens.", rules.Version));
    }

    public static Decision<ISubsidyProgramEvent> Request(SubsidyProgramState state, RequestStartupGrant request, CommandContext context, RuleSet rules)
    {
        if (string.IsNullOrWhiteSpace(request.EnterpriseKey))
            return SubsidyProgramDecider.Reject("enterprise-missing", "Name the enterprise.");
        // Art. 6: one initial start-up support per enterprise; a repeated request never pays twice.
        if (state.Grants.TryGetValue(request.EnterpriseKey, out var earlier))
            return SubsidyProgramDecider.Reject("grant-already-awarded", $"CNY {earlier.AmountCny} was already awarded to {request.EnterpriseKey} on {earlier.AwardedOn}.");
        return SubsidyProgramDecider.Accept(Judge(state, request.EnterpriseKey, context.Today, rules));
    }

    // Art. 6: CNY 100,000 initial start-up support, paid only while the budget still covers a whole grant.
    public static ISubsidyProgramEvent Judge(SubsidyProgramState state, string enterpriseKey, DateOnly today, RuleSet rules)
    {
        var amount = rules.StartupGrantCny;
        if (state.RemainingBudgetCny < amount)
        {
            return new GrantRefused(
                enterpriseKey,
                $"The remaining budget of CNY {state.RemainingBudgetCny} does not cover a start-up grant of CNY {amount}.",
                state.RemainingBudgetCny,
                rules.Version);
        }
        return new GrantAwarded(enterpriseKey, amount, state.RemainingBudgetCny - amount, today, rules.Version);
    }

    public static Decision<ISubsidyProgramEvent> Pay(SubsidyProgramState state, PayGrant pay, CommandContext context)
    {
        if (!state.Grants.TryGetValue(pay.EnterpriseKey, out var grant))
            return SubsidyProgramDecider.Reject("grant-not-awarded", $"No start-up grant was awarded to {pay.EnterpriseKey}.");
        return grant.Paid
            ? SubsidyProgramDecider.Reject("grant-already-paid", $"The start-up grant of {pay.EnterpriseKey} was already paid.")
            : SubsidyProgramDecider.Accept(new GrantPaid(pay.EnterpriseKey, grant.AmountCny, context.Today, context.Actor));
    }
}
