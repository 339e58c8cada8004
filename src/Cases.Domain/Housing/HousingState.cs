using Orleans;

namespace Cases.Domain.Housing;

/// <summary>An applicant's housing case: the permit it rests on, the transitional unit or waitlist place, and the later subsidy eligibility.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.HousingState")]
public sealed record HousingState(
    string? PermitId,
    string? District,
    bool Eligible,
    string? UnitId,
    DateOnly? UnitFrom,
    DateOnly? UnitUntil,
    int? WaitlistPosition,
    DateOnly? RentalSubsidyFrom,
    LongTermHousing? LongTerm,
    string? RevocationReason)
{
    public static readonly HousingState None = new(null, null, false, null, null, null, null, null, null, null);

    public bool IsOpen => PermitId is not null;
}
