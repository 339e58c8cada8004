using System.Text.Json.Nodes;
using Cases.Domain.Rules;
using Cases.Journal.Events;
using Cases.Domain.Deciders;

namespace Cases.Domain.Subsidies;

/// <summary>A year's start-up and loan-subsidy programme (Art. 6): it never commits more than its budget, however many requests race.</summary>
/// <remarks>
/// The grain decides its queued commands one at a time, each on the state the previous one left, so the budget check and the commitment are one step.
/// A second start-up request for an enterprise already awarded is rejected (code "grant-already-awarded") and pays nothing;
/// an enterprise refused earlier may ask again and is judged afresh. A request before the opening waits on the programme's record,
/// and the opening decides the waiting requests in the order they were recorded, within the budget.
/// A loan interest subsidy request meeting its conditions joins the officers' queue; an officer commits it (up to the amount
/// requested, within the budget) or refuses it with a reason, and pays the commitment in parts.
/// </remarks>
public sealed class SubsidyProgramDecider(RuleSet rules) : Decider<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent>
{
    public const string Type = "subsidy-program";

    public override string GrainType => Type;

    public override SubsidyProgramState Initial => SubsidyProgramState.Empty;

    // 2: the grant requests waiting for the opening joined the state; 3: the loan requests waiting and queued for an officer did.
    // Older snapshots lack them and are replayed instead.
    public override int StateSchemaVersion => 3;

    public override Decision<ISubsidyProgramEvent> Decide(SubsidyProgramState state, ISubsidyProgramCommand command, CommandContext context)
    {
        if (command is OpenProgramme open)
            return Open(state, open, context);
        if (!state.IsOpen && command is RequestStartupGrant early)
            return SubsidyProgramGrants.Wait(state, early, context, rules);
        if (!state.IsOpen && command is SubmitLoanInterestSubsidyRequest earlyLoan)
            return SubsidyProgramLoans.Wait(state, earlyLoan, rules);
        if (!state.IsOpen)
            return Reject("programme-not-open", "The programme has not been opened.");
        // Requests arrive from the enterprises' streams; every other command is an officer's decision.
        if (command is not (RequestStartupGrant or SubmitLoanInterestSubsidyRequest) && !context.ByOfficer)
            return Reject("not-an-officer", $"Only an officer may commit, refuse or pay subsidies; {context.Actor} is not one.");
        return command switch
        {
            RequestStartupGrant request => SubsidyProgramGrants.Request(state, request, context, rules),
            PayGrant pay => SubsidyProgramGrants.Pay(state, pay, context),
            SubmitLoanInterestSubsidyRequest submit => SubsidyProgramLoans.Submit(state, submit, rules),
            CommitLoanInterestSubsidy commit => SubsidyProgramLoans.Commit(state, commit, context, rules),
            RefuseLoanInterestSubsidy refuse => SubsidyProgramLoans.Refuse(state, refuse, context, rules),
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
            WaitingRequests = state.WaitingRequests.RemoveAll(w => w.EnterpriseKey == a.EnterpriseKey),
        },
        GrantRefused r => state with
        {
            GrantsRefused = checked(state.GrantsRefused + 1),
            WaitingRequests = state.WaitingRequests.RemoveAll(w => w.EnterpriseKey == r.EnterpriseKey),
        },
        GrantRequestWaiting w => state with { WaitingRequests = state.WaitingRequests.Add(new WaitingGrantRequest(w.EnterpriseKey, w.RequestedOn)) },
        GrantPaid p => state with
        {
            PaidCny = checked(state.PaidCny + p.AmountCny),
            Grants = state.Grants.SetItem(p.EnterpriseKey, state.Grants[p.EnterpriseKey] with { Paid = true }),
        },
        LoanInterestSubsidyRequestWaiting w => state with { WaitingLoanRequests = state.WaitingLoanRequests.Add(w.Request) },
        LoanInterestSubsidyRequestQueued q => SubsidyProgramLoans.ApplyQueued(state, q),
        LoanInterestSubsidyCommitted c => SubsidyProgramLoans.ApplyCommitted(state, c),
        LoanInterestSubsidyRefused r => SubsidyProgramLoans.ApplyRefused(state, r),
        LoanInterestSubsidyPaid p => SubsidyProgramLoans.ApplyPayment(state, p),
        _ => state,
    };

    protected override void RegisterEvents(EventTypeRegistry<ISubsidyProgramEvent> events)
    {
        events.Add<ProgrammeOpened>();
        events.Add<GrantAwarded>();
        events.Add<GrantRefused>();
        events.Add<GrantPaid>();
        events.Add<GrantRequestWaiting>();
        // Schema 2 added the conditions the decision evaluated; earlier records have none.
        events.Add<LoanInterestSubsidyCommitted>(schemaVersion: 2).UpcastFrom(1, WithoutEvaluation);
        events.Add<LoanInterestSubsidyRefused>(schemaVersion: 2).UpcastFrom(1, WithoutEvaluation);
        events.Add<LoanInterestSubsidyPaid>();
        events.Add<LoanInterestSubsidyRequestWaiting>();
        events.Add<LoanInterestSubsidyRequestQueued>();
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
        return Accept([.. OpenAndDecideWaiting(state, new ProgrammeOpened(open.Year, open.BudgetCny, context.Today, context.Actor, rules.Version), context.Today)]);
    }

    // Art. 6: the opening decides the grant requests that waited for it in the order they were recorded, each on the budget its
    // predecessors left, then judges the waiting loan requests, which join the officers' queue or are refused with their reasons.
    private IEnumerable<ISubsidyProgramEvent> OpenAndDecideWaiting(SubsidyProgramState state, ProgrammeOpened opened, DateOnly today)
    {
        yield return opened;
        var after = Evolve(state, opened);
        foreach (var waiting in state.WaitingRequests)
        {
            var decided = SubsidyProgramGrants.Judge(after, waiting.EnterpriseKey, today, rules);
            after = Evolve(after, decided);
            yield return decided;
        }
        foreach (var loan in state.WaitingLoanRequests)
        {
            var judged = SubsidyProgramLoans.Judge(after, loan, rules);
            after = Evolve(after, judged);
            yield return judged;
        }
    }

    private static JsonObject WithoutEvaluation(JsonObject payload)
    {
        payload["evaluation"] = null;
        return payload;
    }
}
