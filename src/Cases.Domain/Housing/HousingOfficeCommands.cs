using Orleans;

namespace Cases.Domain.Housing;

/// <summary>A command to a district housing office.</summary>
public interface IHousingOfficeCommand;

/// <summary>Adds units to the office's transitional-housing inventory.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.AddTransitionalUnits")]
public sealed record AddTransitionalUnits(IReadOnlyList<string> UnitIds) : IHousingOfficeCommand;

/// <summary>Asks for a free transitional unit for an applicant whose permit was approved (item 10; Art. 23).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.AllocateTransitionalUnit")]
public sealed record AllocateTransitionalUnit(string ApplicantKey, string PermitId, DateOnly From) : IHousingOfficeCommand;

/// <summary>Gives back an applicant's unit (or waitlist place), e.g. when the permit is revoked; the unit goes to the next on the waitlist.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ReleaseTransitionalUnit")]
public sealed record ReleaseTransitionalUnit(string ApplicantKey, DateOnly On, string Reason) : IHousingOfficeCommand;

/// <summary>Ends every term that is over on the given day and hands the freed units to the waitlist.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EndExpiredTerms")]
public sealed record EndExpiredTerms(DateOnly Today) : IHousingOfficeCommand;
