using Orleans;

namespace Cases.Domain.Housing;

/// <summary>An event of an applicant's housing case.</summary>
public interface IHousingEvent;

[GenerateSerializer, Immutable]
[Alias("cases.HousingCaseOpened")]
public sealed record HousingCaseOpened(string PermitId, string District, DateOnly OpenedOn) : IHousingEvent;

[GenerateSerializer, Immutable]
[Alias("cases.RentalSubsidyEligibilityOpened")]
public sealed record RentalSubsidyEligibilityOpened(string PermitId, DateOnly EligibleFrom) : IHousingEvent;

[GenerateSerializer, Immutable]
[Alias("cases.TransitionalHousingAllocated")]
public sealed record TransitionalHousingAllocated(string UnitId, DateOnly From, DateOnly Until) : IHousingEvent;

[GenerateSerializer, Immutable]
[Alias("cases.TransitionalHousingWaitlisted")]
public sealed record TransitionalHousingWaitlisted(int Position) : IHousingEvent;

[GenerateSerializer, Immutable]
[Alias("cases.TransitionalHousingEnded")]
public sealed record TransitionalHousingEnded(string UnitId, DateOnly On, string Reason) : IHousingEvent;

[GenerateSerializer, Immutable]
[Alias("cases.HousingEligibilityRevoked")]
public sealed record HousingEligibilityRevoked(string PermitId, string Reason) : IHousingEvent;

[GenerateSerializer, Immutable]
[Alias("cases.LongTermHousingChosen")]
public sealed record LongTermHousingChosen(LongTermHousing Kind, DateOnly On) : IHousingEvent;
