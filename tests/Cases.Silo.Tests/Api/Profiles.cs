namespace Cases.Silo.Tests.Api;

/// <summary>Intake bodies as a client sends them (JSON shapes, not domain types), meeting Art. 1 and the permit rules.</summary>
/// <remarks>Dates are relative to today: the silo decides with its own clock, and "returned within 3 years" must hold whenever the tests run.</remarks>
public static class Profiles
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Ago(int years, int days = 0) => Today.AddYears(-years).AddDays(-days).ToString("yyyy-MM-dd");

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
}
