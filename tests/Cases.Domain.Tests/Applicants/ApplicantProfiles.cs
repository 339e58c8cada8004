using Cases.Domain.Applicants;

namespace Cases.Domain.Tests.Applicants;

/// <summary>Profiles for tests: a baseline that meets Art. 1 and path A, and variants that isolate one rule each.</summary>
/// <remarks>Compiled into the grain tests too, so both suites start from the same applicant.</remarks>
internal static class ApplicantProfiles
{
    /// <summary>The baseline applicant's identity document, which is also their grain key.</summary>
    public const string BaselineIdentity = "P-110105199001011234";

    /// <summary>Chinese national, Chinese passport, master's in computer science abroad (rank 150), 730 days of study, returned 2024-01-10, full-time in finance.</summary>
    public static ApplicantProfile Baseline() => new()
    {
        IdentityDocument = BaselineIdentity,
        Name = "Li Wei",
        Nationality = "CN",
        Passport = PassportKind.Chinese,
        PassportExpiry = new DateOnly(2030, 1, 1),
        Degrees =
        [
            new Degree(DegreeLevel.Bachelor, "CN", "计算机科学与技术", 300, new DateOnly(2021, 6, 30), false),
            new Degree(DegreeLevel.Master, "GB", "computer science", 150, new DateOnly(2023, 9, 1), true),
        ],
        StudyAbroad = [new StudyPeriod(new DateOnly(2021, 9, 1), new DateOnly(2023, 9, 1))],
        ReturnedOn = new DateOnly(2024, 1, 10),
        Employer = new Employment("Zhongguancun Capital", "haidian", true, "finance"),
        HomeDistrict = "haidian",
    };

    /// <summary>The baseline with a single master's degree abroad at the given rank and field, employed in the given industry.</summary>
    public static ApplicantProfile WithMaster(int? rank, string industry = "finance", string field = "electrical engineering") => Baseline() with
    {
        Degrees = [new Degree(DegreeLevel.Master, "US", field, rank, new DateOnly(2023, 9, 1), true)],
        Employer = new Employment("Acme", "chaoyang", true, industry),
    };

    /// <summary>Study abroad from 2022-01-01 lasting exactly <paramref name="days"/> days.</summary>
    public static ApplicantProfile StudiedDays(int days) => Baseline() with
    {
        StudyAbroad = [new StudyPeriod(new DateOnly(2022, 1, 1), new DateOnly(2022, 1, 1).AddDays(days))],
    };

    /// <summary>Domestic PhD in physics (2021), then a 2-year post-doc abroad in physics; no employer, no foreign degree: only path B can hold.</summary>
    public static ApplicantProfile DomesticPhdWithPostDoc() => Baseline() with
    {
        Degrees = [new Degree(DegreeLevel.Doctorate, "CN", "物理学", 20, new DateOnly(2021, 7, 1), false)],
        StudyAbroad = [],
        ResearchAbroad = [new ResearchPeriod(ResearchKind.PostDoctoral, "physics", new DateOnly(2021, 9, 1), new DateOnly(2023, 9, 1))],
        Employer = null,
    };

    /// <summary>A returnee who went abroad as a Chinese national and naturalised in the US, otherwise like the baseline.</summary>
    public static ApplicantProfile ForeignPassport(DateOnly expiry) => Baseline() with
    {
        Nationality = "US",
        NationalityAtDeparture = "CN",
        Passport = PassportKind.Foreign,
        PassportExpiry = expiry,
    };
}
