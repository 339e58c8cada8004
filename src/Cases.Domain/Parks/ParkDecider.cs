using Cases.Domain.Rules;
using Cases.Journal.Events;
using Cases.Domain.Deciders;

namespace Cases.Domain.Parks;

/// <summary>An overseas-talent entrepreneurship park (parks Q&amp;A): its roster, talent teams, annual evaluation and accreditation.</summary>
/// <remarks>A park needs no opening command: the first roster or team command starts its timeline, so streams can always reach it.</remarks>
public sealed class ParkDecider(RuleSet rules) : Decider<ParkState, IParkCommand, IParkEvent>
{
    public const string Type = "park";

    public override string GrainType => Type;

    public override ParkState Initial => ParkState.Empty;

    public override Decision<IParkEvent> Decide(ParkState state, IParkCommand command, CommandContext context) => command switch
    {
        AddToRoster add => ParkRoster.Add(state, add),
        UpdateRosterStage update => ParkRoster.UpdateStage(state, update.EnterpriseKey, update.Stage, update.On, update.Reason),
        RecordRosterMilestone milestone => ParkRoster.RecordMilestone(state, milestone),
        RemoveFromRoster remove => string.IsNullOrWhiteSpace(remove.Reason)
            ? Reject("reason-missing", "Removing an enterprise from the roster states why.")
            : ParkRoster.UpdateStage(state, remove.EnterpriseKey, RosterStage.Left, remove.On, remove.Reason),
        RecordTalentTeam team => RecordTeam(state, team, context),
        EvaluatePark evaluate => Evaluate(state, evaluate, context),
        AccreditPark => Accredit(state, context),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a park command."),
    };

    public override ParkState Evolve(ParkState state, IParkEvent @event) => @event switch
    {
        EnterpriseAddedToRoster a => ParkRoster.Apply(state, a),
        RosterStageUpdated u => ParkRoster.Apply(state, u),
        RosterMilestoneRecorded m => ParkRoster.Apply(state, m),
        TalentTeamRecorded t => state with { TalentTeams = state.TalentTeams.Add(t) },
        ParkEvaluated e => state with { LatestEvaluation = e },
        ParkAccredited a => state with { Accreditation = a },
        _ => state,
    };

    protected override void RegisterEvents(EventTypeRegistry<IParkEvent> events)
    {
        events.Add<EnterpriseAddedToRoster>();
        events.Add<RosterStageUpdated>();
        events.Add<RosterMilestoneRecorded>();
        events.Add<TalentTeamRecorded>();
        events.Add<ParkEvaluated>();
        events.Add<ParkAccredited>();
    }

    internal static Decision<IParkEvent> Accept(params IParkEvent[] events) => Decision<IParkEvent>.Accept(events);

    internal static Decision<IParkEvent> Reject(string code, string message) => Decision<IParkEvent>.Reject(code, message);

    private static Decision<IParkEvent> RecordTeam(ParkState state, RecordTalentTeam team, CommandContext context)
    {
        if (string.IsNullOrWhiteSpace(team.TeamName))
            return Reject("team-missing", "Name the talent team.");
        if (team.AttractedOn > context.Today)
            return Reject("date-in-future", $"{team.AttractedOn} has not come yet.");
        return state.TalentTeams.Exists(t => t.TeamName == team.TeamName && t.AttractedOn == team.AttractedOn)
            ? Accept() // The same team on the same day is a repeat, not a second team.
            : Accept(new TalentTeamRecorded(team.TeamName, team.AttractedOn, context.Actor));
    }

    private Decision<IParkEvent> Evaluate(ParkState state, EvaluatePark evaluate, CommandContext context)
    {
        if (!context.ByOfficer)
            return Reject("not-an-officer", $"Only an officer may evaluate a park; {context.Actor} is not one.");
        // Q&A: the evaluation is annual, so only a year that has ended is evaluated.
        if (evaluate.Year < 1 || evaluate.Year >= context.Now.Year)
            return Reject("year-not-complete", $"{evaluate.Year} is not a completed year.");
        if (state.LatestEvaluation is { } latest && latest.Year > evaluate.Year)
            return Reject("evaluation-superseded", $"The park was already evaluated for the later year {latest.Year}.");
        var (score, evaluation) = ParkEvaluationRule.Evaluate(rules, rules.ParkScoring, state, evaluate.Year);
        return Accept(new ParkEvaluated(evaluate.Year, score, evaluation, context.Today, context.Actor));
    }

    private Decision<IParkEvent> Accredit(ParkState state, CommandContext context)
    {
        if (!context.ByOfficer)
            return Reject("not-an-officer", $"Only an officer may accredit a park; {context.Actor} is not one.");
        if (state.LatestEvaluation is not { } latest)
            return Reject("no-evaluation", "The park has no evaluation; accreditation needs an outstanding one.");
        // Q&A: only parks "with outstanding performance" may provide talent services themselves.
        if (latest.Score < rules.ParkOutstandingScore)
            return Reject("evaluation-not-outstanding", $"The {latest.Year} evaluation scored {latest.Score}, below the outstanding {rules.ParkOutstandingScore}.");
        // The evaluation is annual, so accreditation rests on the last completed year's, not an old one.
        if (latest.Year < context.Now.Year - 1)
            return Reject("evaluation-stale", $"The latest evaluation is for {latest.Year}; the park must be evaluated for {context.Now.Year - 1}.");
        if (state.Accreditation is { } accredited && accredited.EvaluationYear == latest.Year)
            return Accept(); // Already accredited on this evaluation.
        return Accept(new ParkAccredited(latest.Year, latest.Score, context.Today, context.Actor, rules.Version));
    }
}
