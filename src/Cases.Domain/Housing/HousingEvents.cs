namespace Cases.Domain.Housing;

/// <summary>An event of an applicant's housing case.</summary>
public interface IHousingEvent;

public sealed record HousingCaseOpened(string PermitId, string District, DateOnly OpenedOn) : IHousingEvent;

public sealed record RentalSubsidyEligibilityOpened(string PermitId, DateOnly EligibleFrom) : IHousingEvent;

public sealed record TransitionalHousingAllocated(string UnitId, DateOnly From, DateOnly Until) : IHousingEvent;

public sealed record TransitionalHousingWaitlisted(int Position) : IHousingEvent;

public sealed record TransitionalHousingEnded(string UnitId, DateOnly On, string Reason) : IHousingEvent;

public sealed record HousingEligibilityRevoked(string PermitId, string Reason) : IHousingEvent;

public sealed record LongTermHousingChosen(LongTermHousing Kind, DateOnly On) : IHousingEvent;
