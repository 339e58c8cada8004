using Orleans;

namespace Cases.Domain.Housing;

/// <summary>A command to an applicant's housing case.</summary>
public interface IHousingCommand;

/// <summary>Opens the case when the applicant's permit is approved (item 10; Art. 23).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.OpenHousingCase")]
public sealed record OpenHousingCase(string PermitId, string District, DateOnly OpenedOn) : IHousingCommand;

/// <summary>Records the unit the district office allocated.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordUnitAllocation")]
public sealed record RecordUnitAllocation(string UnitId, DateOnly From, DateOnly Until) : IHousingCommand;

/// <summary>Records the applicant's place on the district office's waitlist.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordWaitlisted")]
public sealed record RecordWaitlisted(int Position) : IHousingCommand;

/// <summary>Records that the transitional unit was given back.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordUnitReleased")]
public sealed record RecordUnitReleased(string UnitId, DateOnly On, string Reason) : IHousingCommand;

/// <summary>Ends every housing eligibility because the permit it rested on was revoked.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RevokeHousingEligibility")]
public sealed record RevokeHousingEligibility(string PermitId, string Reason) : IHousingCommand;

/// <summary>After the transitional term, the applicant takes a rental subsidy or a talent apartment (item 10).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ChooseLongTermHousing")]
public sealed record ChooseLongTermHousing(LongTermHousing Kind, DateOnly On) : IHousingCommand;

/// <summary>The long-term housing support that follows transitional housing.</summary>
[GenerateSerializer]
[Alias("cases.LongTermHousing")]
public enum LongTermHousing
{
    RentalSubsidy,
    TalentApartment,
}
