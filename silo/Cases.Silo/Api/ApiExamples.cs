using Cases.Domain.Applicants;

namespace Cases.Silo.Api;

/// <summary>The examples the OpenAPI document shows for request bodies; a test sends each one, so they stay requests the API accepts.</summary>
public static class ApiExamples
{
    /// <summary>A returnee who meets Art. 1 and path A of returnee-measures-2024 item 3: master's in computer science abroad, back in 2024.</summary>
    public static ApplicantProfile Profile { get; } = new()
    {
        IdentityDocument = "P-110105199001011234",
        Name = "Li Wei",
        Nationality = "CN",
        NationalityAtDeparture = "CN",
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

    /// <summary>Request bodies by type.</summary>
    public static IReadOnlyDictionary<Type, object> Requests { get; } = new Dictionary<Type, object>
    {
        [typeof(ApplicantProfile)] = Profile,
        [typeof(ApplyForRecognitionRequest)] = new ApplyForRecognitionRequest("R-1"),
        [typeof(ApplyForPermitRequest)] = new ApplyForPermitRequest("RWP-1", null, "ZGC-CAPITAL-2026-001"),
        [typeof(DecisionRequest)] = new DecisionRequest("Art. 4 met: employer's certificate verified"),
        [typeof(RegisterEnterpriseRequest)] = new RegisterEnterpriseRequest(
            "E-aurora", "Aurora Robotics", ["P-110105199001011234"], true, 100_000, "artificial-intelligence", "haidian"),
        [typeof(OpenProgrammeRequest)] = new OpenProgrammeRequest(2026, 5_000_000),
        [typeof(PaymentRequest)] = new PaymentRequest("E-aurora", null, null),
    };
}
