using Cases.Domain.Applicants;

namespace Cases.Grains.Tests.Support;

/// <summary>Applicant profiles for grain tests.</summary>
public static class Profiles
{
    /// <summary>Chinese national, Chinese passport, master's in engineering abroad (rank 150), 730 days of study, returned 2024-01-10, full-time in finance.</summary>
    public static ApplicantProfile Baseline() => new()
    {
        IdentityDocument = "P-110105199001011234",
        Name = "Li Wei",
        Nationality = "CN",
        Passport = PassportKind.Chinese,
        PassportExpiry = new DateOnly(2030, 1, 1),
        Degrees =
        [
            new Degree(DegreeLevel.Bachelor, "CN", "engineering", 300, new DateOnly(2021, 6, 30), false),
            new Degree(DegreeLevel.Master, "GB", "engineering", 150, new DateOnly(2023, 9, 1), true),
        ],
        StudyAbroad = [new StudyPeriod(new DateOnly(2021, 9, 1), new DateOnly(2023, 9, 1))],
        ReturnedOn = new DateOnly(2024, 1, 10),
        Employer = new Employment("Zhongguancun Capital", "haidian", true, "finance"),
        HomeDistrict = "haidian",
    };
}
