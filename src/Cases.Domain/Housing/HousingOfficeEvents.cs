namespace Cases.Domain.Housing;

/// <summary>An event of a district housing office.</summary>
public interface IHousingOfficeEvent;

public sealed record TransitionalUnitsAdded(IReadOnlyList<string> UnitIds) : IHousingOfficeEvent;

public sealed record TransitionalUnitAllocated(string ApplicantKey, string PermitId, string UnitId, DateOnly From, DateOnly Until) : IHousingOfficeEvent;

public sealed record ApplicantWaitlisted(string ApplicantKey, string PermitId, int Position) : IHousingOfficeEvent;

public sealed record TransitionalUnitReleased(string ApplicantKey, string UnitId, DateOnly On, string Reason) : IHousingOfficeEvent;

public sealed record WaitlistEntryRemoved(string ApplicantKey, string Reason) : IHousingOfficeEvent;
