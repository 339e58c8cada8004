using Cases.Domain.Enterprises;
using Orleans;

namespace Cases.Domain.Parks;

/// <summary>A command to an overseas-talent entrepreneurship park.</summary>
public interface IParkCommand;

/// <summary>Puts an admitted enterprise on the roster; a no-op if it is already there and active.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.AddToRoster")]
public sealed record AddToRoster(string EnterpriseKey, DateOnly On) : IParkCommand;

/// <summary>Moves a roster entry on (admitted → incubating → graduated or left); the same stage again is a no-op.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.UpdateRosterStage")]
public sealed record UpdateRosterStage(string EnterpriseKey, RosterStage Stage, DateOnly On, string? Reason = null) : IParkCommand;

/// <summary>Records an enterprise's progress on the roster (funding, patents, staff, revenue, tax).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordRosterMilestone")]
public sealed record RecordRosterMilestone(string EnterpriseKey, MilestoneKind Kind, long Value, int? Year, DateOnly On) : IParkCommand;

/// <summary>Marks an enterprise as having left the park; its history stays for the evaluation.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RemoveFromRoster")]
public sealed record RemoveFromRoster(string EnterpriseKey, string Reason, DateOnly On) : IParkCommand;

/// <summary>Records a talent team the park attracted; the same team on the same day again is a no-op.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordTalentTeam")]
public sealed record RecordTalentTeam(DateOnly AttractedOn, string TeamName) : IParkCommand;

/// <summary>Runs the park's annual evaluation for a completed year; an officer's act.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EvaluatePark")]
public sealed record EvaluatePark(int Year) : IParkCommand;

/// <summary>Accredits the park to provide talent services itself; only after an outstanding latest evaluation, by an officer.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.AccreditPark")]
public sealed record AccreditPark : IParkCommand;
