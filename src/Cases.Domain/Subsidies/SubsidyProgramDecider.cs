using Cases.Domain.Rules;
using Cases.Journal.Events;
using Cases.Domain.Deciders;

namespace Cases.Domain.Subsidies;

/// <summary>A year's start-up and loan-subsidy programme (Art. 6): it never commits more than its budget, however many requests race.</summary>
/// <remarks>
/// The grain decides its queued commands one at a time, each on the state the previous one left, so the budget check and the commitment are one step.
/// A second start-up request for an enterprise already awarded is rejected (code "grant-already-awarded") and pays nothing;
/// an enterprise refused earlier may ask again and is judged afresh.
/// </remarks>
public sealed class SubsidyProgramDecider(RuleSet rules) : Decider<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent>
{
    public const string Type = "subsidy-program";

    public override string GrainType => Type;

    public override SubsidyProgramState Initial => SubsidyProgramState.Empty;

    public override Decision<ISubsidyProgramEvent> Decide(SubsidyProgramState state, ISubsidyProgramCommand command, CommandContext context)
    {
        if (command is OpenProgramme open)
            return Open(state, open, context);
        if (!state.IsOpen)
            return Reject("programme-not-open", "The programme has not been opened.");
        if (command is not RequestStartupGrant && !context.ByOfficer)
            return Reject("not-an-officer", $"Only an officer may commit or pay subsidies; {context.Actor} is not one.");
        return command switch
        {
            RequestStartupGrant request => RequestGrant(state, request, context),
            PayGrant pay => Pay(state, pay, context),
            CommitLoanInterestSubsidy commit => SubsidyProgramLoans.Commit(state, commit, context, rules.Version),
            PayLoanInterestSubsidy pay => SubsidyProgramLoans.Pay(state, pay, context),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a subsidy-programme command."),
        };
    }

    public override SubsidyProgramState Evolve(SubsidyProgramState state, ISubsidyProgramEvent @event) => @event switch
    {
        ProgrammeOpened o => state with { IsOpen = true, Year = o.Year, BudgetCny = o.BudgetCny },
        GrantAwarded a => state with
        {
            CommittedCny = checked(state.CommittedCny + a.AmountCny),
            Grants = state.Grants.SetItem(a.EnterpriseKey, new StartupGrantCommitment(a.AmountCny, a.AwardedOn, false)),
        },
        GrantRefused => state with { GrantsRefused = checked(state.GrantsRefused + 1) },
        GrantPaid p => state with
        {
            PaidCny = checked(state.PaidCny + p.AmountCny),
            Grants = state.Grants.SetItem(p.EnterpriseKey, state.Grants[p.EnterpriseKey] with { Paid = true }),
        },
        LoanInterestSubsidyCommitted c => state with
        {
            CommittedCny = checked(state.CommittedCny + c.AmountCny),
            LoanSubsidies = state.LoanSubsidies.SetItem(
                SubsidyProgramState.LoanKey(c.EnterpriseKey, c.LoanReference),
                new LoanSubsidyCommitment(c.EnterpriseKey, c.LoanReference, c.AmountCny, 0)),
        },
        LoanInterestSubsidyPaid p => SubsidyProgramLoans.ApplyPayment(state, p),
        _ => state,
    };

    protected override void RegisterEvents(EventTypeRegistry<ISubsidyProgramEvent> events)
    {
        events.Add<ProgrammeOpened>();
        events.Add<GrantAwarded>();
        events.Add<GrantRefused>();
        events.Add<GrantPaid>();
        events.Add<LoanInterestSubsidyCommitted>();
        events.Add<LoanInterestSubsidyRefused>();
        events.Add<LoanInterestSubsidyPaid>();
    }

    internal static Decision<ISubsidyProgramEvent> Accept(params ISubsidyProgramEvent[] events) => Decision<ISubsidyProgramEvent>.Accept(events);

    internal static Decision<ISubsidyProgramEvent> Reject(string code, string message) => Decision<ISubsidyProgramEvent>.Reject(code, message);

    private Decision<ISubsidyProgramEvent> Open(SubsidyProgramState state, OpenProgramme open, CommandContext context)
    {
        if (!context.ByOfficer)
            return Reject("not-an-officer", $"Only an officer may open a programme; {context.Actor} is not one.");
        if (state.IsOpen)
            return Reject("already-open", $"The programme is open for {state.Year} with CNY {state.BudgetCny}.");
        if (open.Year < 1 || open.BudgetCny < 0)
            return Reject("programme-invalid", "A programme has a year and a non-negative budget.");
        return Accept(new ProgrammeOpened(open.Year, open.BudgetCny, context.Today, context.Actor, rules.Version));
    }

    private Decision<ISubsidyProgramEvent> RequestGrant(SubsidyProgramState state, RequestStartupGrant request, CommandContext context)
    {
        if (string.IsNullOrWhiteSpace(request.EnterpriseKey))
            return Reject("enterprise-missing", "Name the enterprise.");
        // Art. 6: one initial start-up support per enterprise; a repeated request never pays twice.
        if (state.Grants.TryGetValue(request.EnterpriseKey, out var earlier))
            return Reject("grant-already-awarded", $"CNY {earlier.AmountCny} was already awarded to {request.EnterpriseKey} on {earlier.AwardedOn}.");
        // Art. 6: CNY 100,000 initial start-up support, paid only while the budget still covers a whole grant.
        var amount = rules.StartupGrantCny;
        if (state.RemainingBudgetCny < amount)
        {
            return Accept(new GrantRefused(
                request.EnterpriseKey,
                $"The remaining budget of CNY {state.RemainingBudgetCny} does not cover a start-up grant of CNY {amount}.",
                state.RemainingBudgetCny,
                rules.Version));
        }
        return Accept(new GrantAwarded(request.EnterpriseKey, amount, state.RemainingBudgetCny - amount, context.Today, rules.Version));
    }

    private static Decision<ISubsidyProgramEvent> Pay(SubsidyProgramState state, PayGrant pay, CommandContext context)
    {
        if (!state.Grants.TryGetValue(pay.EnterpriseKey, out var grant))
            return Reject("grant-not-awarded", $"No start-up grant was awarded to {pay.EnterpriseKey}.");
        return grant.Paid
            ? Reject("grant-already-paid", $"The start-up grant of {pay.EnterpriseKey} was already paid.")
            : Accept(new GrantPaid(pay.EnterpriseKey, grant.AmountCny, context.Today, context.Actor));
    }
}
