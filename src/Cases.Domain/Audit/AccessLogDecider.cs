using Cases.Journal.Events;
using Cases.Domain.Deciders;
using Orleans;

namespace Cases.Domain.Audit;

/// <summary>Records that someone other than the applicant read an applicant's personal data (DESIGN.md "Interfaces": who, when, why).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordAccess")]
public sealed record RecordAccess(string Role, string Reason, string What);

/// <summary>A read of personal data: by whom (the command's actor), in which role, why and what; the time is the event's.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.PersonalDataAccessed")]
public sealed record PersonalDataAccessed(string By, string Role, string Reason, string What, DateTimeOffset At);

/// <summary>How many reads an applicant's access log holds.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.AccessLogState")]
public sealed record AccessLogState(int Reads);

/// <summary>One append-only access log per applicant, so an auditor can list every read of that applicant's data.</summary>
public sealed class AccessLogDecider : Decider<AccessLogState, RecordAccess, PersonalDataAccessed>
{
    public const string Type = "access-log";

    public override string GrainType => Type;

    public override AccessLogState Initial => new(0);

    public override Decision<PersonalDataAccessed> Decide(AccessLogState state, RecordAccess command, CommandContext context) =>
        string.IsNullOrWhiteSpace(command.Reason)
            ? Decision<PersonalDataAccessed>.Reject("reason-required", "A read of personal data must say why.")
            : Decision<PersonalDataAccessed>.Accept(new PersonalDataAccessed(context.Actor, command.Role, command.Reason, command.What, context.Now));

    public override AccessLogState Evolve(AccessLogState state, PersonalDataAccessed @event) => new(state.Reads + 1);

    protected override void RegisterEvents(EventTypeRegistry<PersonalDataAccessed> events) => events.Add<PersonalDataAccessed>();
}
