using System.Collections.Immutable;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>What an applicant declares about themselves; every eligibility rule reads it as of the application date.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ApplicantProfile")]
public sealed record ApplicantProfile
{
    /// <summary>The identity document number; it is the applicant grain's key.</summary>
    [Id(0)]
    public required string IdentityDocument { get; init; }

    [Id(1)]
    public required string Name { get; init; }

    /// <summary>ISO country code of the current nationality; a Chinese national (CN) holds a Chinese passport.</summary>
    [Id(2)]
    public required string Nationality { get; init; }

    [Id(3)]
    public required PassportKind Passport { get; init; }

    [Id(4)]
    public DateOnly? PassportExpiry { get; init; }

    [Id(5)]
    public ImmutableList<Degree> Degrees { get; init; } = [];

    [Id(6)]
    public ImmutableList<StudyPeriod> StudyAbroad { get; init; } = [];

    [Id(7)]
    public ImmutableList<ResearchPeriod> ResearchAbroad { get; init; } = [];

    [Id(8)]
    public DateOnly? ReturnedOn { get; init; }

    /// <summary>The highest professional title held before going abroad, if any (Art. 1 (2), Art. 18).</summary>
    [Id(9)]
    public ProfessionalTitle? TitleBeforeAbroad { get; init; }

    [Id(10)]
    public Employment? Employer { get; init; }

    /// <summary>The district whose housing office serves the applicant; permit events carry it downstream.</summary>
    [Id(11)]
    public required string HomeDistrict { get; init; }

    /// <summary>ISO country code of the nationality held when going abroad; absent, the current one. Art. 1 reads it.</summary>
    /// <remarks>A returnee who went abroad as a Chinese national and naturalised elsewhere is no longer one (Nationality Law Art. 9), yet Art. 1 and Art. 17 cover them.</remarks>
    [Id(12)]
    public string? NationalityAtDeparture { get; init; }

    /// <summary>The nationality Art. 1 judges: the one held when going abroad.</summary>
    public string DepartureNationality => string.IsNullOrWhiteSpace(NationalityAtDeparture) ? Nationality : NationalityAtDeparture;
}
