namespace Cases.Client.Tests;

/// <summary>Intake bodies as a client sends them, meeting Art. 1 and the permit rules; dates are relative to today, as the silo decides with its own clock.</summary>
public static class TestProfiles
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A recognisable applicant with a full-time employer in the district.</summary>
    public static object Eligible(string identityDocument, string district = "haidian") => new
    {
        identityDocument,
        name = "Li Wei",
        nationality = "CN",
        passport = "Chinese",
        passportExpiry = Today.AddYears(5).ToString("yyyy-MM-dd"),
        degrees = new[] { new { level = "Master", country = "GB", field = "computer science", universityRank = 150, obtainedOn = Ago(1, 30), obtainedAbroad = true } },
        studyAbroad = new[] { new { from = Ago(3), to = Ago(1, 30) } },
        returnedOn = Ago(1),
        employer = new { name = "Acme", district, fullTime = true, industry = "finance" },
        homeDistrict = district,
    };

    /// <summary>A fresh identity document, so tests sharing a silo never collide.</summary>
    public static string NewId() => "T-" + Guid.NewGuid().ToString("N")[..12];

    private static string Ago(int years, int days = 0) => Today.AddYears(-years).AddDays(-days).ToString("yyyy-MM-dd");
}
