using System.Collections.Immutable;

namespace Cases.Domain.Applicants;

/// <summary>What an applicant declares about themselves; every eligibility rule reads it as of the application date.</summary>
public sealed record ApplicantProfile
{
    /// <summary>The identity document number; it is the applicant grain's key.</summary>
    public required string IdentityDocument { get; init; }

    public required string Name { get; init; }

    /// <summary>ISO country code of nationality; "CN" is a Chinese national (Art. 1).</summary>
    public required string Nationality { get; init; }

    public required PassportKind Passport { get; init; }

    public DateOnly? PassportExpiry { get; init; }

    public ImmutableList<Degree> Degrees { get; init; } = [];

    public ImmutableList<StudyPeriod> StudyAbroad { get; init; } = [];

    public ImmutableList<ResearchPeriod> ResearchAbroad { get; init; } = [];

    public DateOnly? ReturnedOn { get; init; }

    /// <summary>The highest professional title held before going abroad, if any (Art. 1 (2), Art. 18).</summary>
    public ProfessionalTitle? TitleBeforeAbroad { get; init; }

    public Employment? Employer { get; init; }

    /// <summary>The district whose housing office serves the applicant; permit events carry it downstream.</summary>
    public required string HomeDistrict { get; init; }
}
