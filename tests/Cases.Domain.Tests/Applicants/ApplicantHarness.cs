using Cases.Domain.Applicants;
using Cases.Domain.Rules;
using Cases.Domain.Deciders;
using Cases.Journal;

namespace Cases.Domain.Tests.Applicants;

/// <summary>Drives an applicant decider directly: decides a command, folds accepted events into the state, and keeps the timeline.</summary>
internal sealed class ApplicantHarness(RuleSet? rules = null, string key = ApplicantHarness.Key)
{
    public const string Key = ApplicantProfiles.BaselineIdentity;
    public const string Officer = "officer:wang";
    public const string Self = "applicant:" + Key;

    /// <summary>The default application date for every command.</summary>
    public static readonly DateOnly Today = new(2025, 6, 1);

    private int _commands;

    public ApplicantDecider Grain { get; } = new(rules ?? new RuleSet());

    public ApplicantState State { get; private set; } = ApplicantState.Unregistered;

    public List<IApplicantEvent> Timeline { get; } = [];

    public DateOnly On { get; set; } = Today;

    public Decision<IApplicantEvent> Send(IApplicantCommand command, string actor = Self)
    {
        var decision = Grain.Decide(State, command, Context(actor));
        foreach (var e in decision.Events)
        {
            State = Grain.Evolve(State, e);
            Timeline.Add(e);
        }
        return decision;
    }

    /// <summary>Sends a command that must be accepted with exactly one event of type <typeparamref name="T"/>.</summary>
    public T Accept<T>(IApplicantCommand command, string actor = Self) where T : IApplicantEvent
    {
        var decision = Send(command, actor);
        Assert.True(decision.IsAccepted, $"{command.GetType().Name} was rejected: {decision.Rejection}");
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }

    /// <summary>Sends a command that must be rejected with <paramref name="code"/>; the state must not change.</summary>
    public Rejection Reject(IApplicantCommand command, string code, string actor = Self)
    {
        var before = State;
        var decision = Send(command, actor);
        Assert.False(decision.IsAccepted, $"{command.GetType().Name} was accepted with {decision.Events.Count} events");
        Assert.Equal(code, decision.Rejection!.Code);
        Assert.Same(before, State);
        return decision.Rejection;
    }

    public ApplicantHarness Register(ApplicantProfile profile)
    {
        Accept<ApplicantRegistered>(new RegisterApplicant(profile));
        return this;
    }

    /// <summary>Registers, recognises and has an officer approve a permit; the state most later applications start from.</summary>
    public ApplicantHarness WithApprovedPermit(ApplicantProfile profile)
    {
        Register(profile);
        Assert.True(Accept<RecognitionEvaluated>(new ApplyForRecognition("R-1")).Evaluation.Passed);
        Assert.True(Accept<PermitApplied>(new ApplyForPermit("P-1", null, "EMP-1")).Evaluation.Passed);
        Accept<PermitApproved>(new ApprovePermit("P-1", "documents checked"), Officer);
        return this;
    }

    private CommandContext Context(string actor) => new(
        new GrainKey(Grain.GrainType, key),
        $"cmd-{++_commands}",
        actor,
        new DateTimeOffset(On.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
        "corr-1",
        null,
        Grain.Rules.Calendar);
}
