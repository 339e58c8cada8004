using Cases.Domain.Enterprises;
using Cases.Domain.Rules;
using Orleans;

namespace Cases.Domain.Parks;

/// <summary>An event in a park's timeline.</summary>
public interface IParkEvent;

/// <summary>An enterprise joined the park's roster (again, if it had left).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EnterpriseAddedToRoster")]
public sealed record EnterpriseAddedToRoster(string EnterpriseKey, DateOnly On) : IParkEvent;

/// <summary>A roster entry moved from one stage to another.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RosterStageUpdated")]
public sealed record RosterStageUpdated(string EnterpriseKey, RosterStage From, RosterStage To, DateOnly On, string? Reason) : IParkEvent;

/// <summary>An enterprise's progress was recorded on the roster.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RosterMilestoneRecorded")]
public sealed record RosterMilestoneRecorded(string EnterpriseKey, MilestoneKind Kind, long Value, int? Year, DateOnly On) : IParkEvent;

/// <summary>The park attracted a talent team.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.TalentTeamRecorded")]
public sealed record TalentTeamRecorded(string TeamName, DateOnly AttractedOn, string RecordedBy) : IParkEvent;

/// <summary>The park's annual evaluation: its score and the conditions behind it; Evaluation.Passed means outstanding.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ParkEvaluated")]
public sealed record ParkEvaluated(int Year, int Score, Evaluation Evaluation, DateOnly EvaluatedOn, string EvaluatedBy) : IParkEvent;

/// <summary>The park was accredited to provide talent services itself on the strength of an outstanding evaluation.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ParkAccredited")]
public sealed record ParkAccredited(int EvaluationYear, int Score, DateOnly AccreditedOn, string AccreditedBy, string RuleSetVersion) : IParkEvent;
