using Orleans;

namespace Cases.Domain.Housing;

/// <summary>An event of a district housing office.</summary>
public interface IHousingOfficeEvent;

[GenerateSerializer, Immutable]
[Alias("cases.TransitionalUnitsAdded")]
public sealed record TransitionalUnitsAdded(IReadOnlyList<string> UnitIds) : IHousingOfficeEvent;

[GenerateSerializer, Immutable]
[Alias("cases.TransitionalUnitAllocated")]
public sealed record TransitionalUnitAllocated(string ApplicantKey, string PermitId, string UnitId, DateOnly From, DateOnly Until) : IHousingOfficeEvent;

[GenerateSerializer, Immutable]
[Alias("cases.ApplicantWaitlisted")]
public sealed record ApplicantWaitlisted(string ApplicantKey, string PermitId, int Position) : IHousingOfficeEvent;

[GenerateSerializer, Immutable]
[Alias("cases.TransitionalUnitReleased")]
public sealed record TransitionalUnitReleased(string ApplicantKey, string UnitId, DateOnly On, string Reason) : IHousingOfficeEvent;

[GenerateSerializer, Immutable]
[Alias("cases.WaitlistEntryRemoved")]
public sealed record WaitlistEntryRemoved(string ApplicantKey, string Reason) : IHousingOfficeEvent;
