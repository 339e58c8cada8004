using Cases.Domain.Rules;

namespace Cases.Domain.Applicants;

/// <summary>Conditions that several applicant rules share, so each reads and words them the same way.</summary>
internal static class CommonConditions
{
    // Art. 1 "recently returned", item 3 "returned within the past three years": on or after the same date N years back.
    public static Condition ReturnedWithin(RuleSet rules, ApplicantProfile p, DateOnly on, string code, string source)
    {
        var earliest = on.AddYears(-rules.RecentReturnYears);
        if (p.ReturnedOn is not { } returned)
            return new Condition(code, source, false, "no return date is recorded");
        if (returned > on)
            return new Condition(code, source, false,
                $"the recorded return on {F(returned)} lies after the application on {F(on)}");
        var passed = returned >= earliest;
        return new Condition(code, source, passed,
            $"returned on {F(returned)}; a return within {rules.RecentReturnYears} years of the application on {F(on)} " +
            $"(on or after {F(earliest)}) is required");
    }

    // Art. 18, item 3: "master's or above" compares the ordered degree level.
    public static Degree? HighestDegree(ApplicantProfile p, Func<Degree, bool> where) =>
        p.Degrees.Where(where).OrderByDescending(d => d.Level).FirstOrDefault();

    public static bool IsStemOrMedical(RuleSet rules, string field) =>
        rules.StemOrMedicalFields.Contains(field, StringComparer.OrdinalIgnoreCase);

    public static bool IsKeyIndustry(RuleSet rules, string? industry) =>
        industry is not null && rules.KeyIndustries.Contains(industry, StringComparer.OrdinalIgnoreCase);

    public static string Describe(Degree d) =>
        $"{d.Level.ToString().ToLowerInvariant()} in {d.Field} ({d.Country}, {F(d.ObtainedOn)}" +
        (d.UniversityRank is { } rank ? $", university rank {rank})" : ", university unranked)");

    public static string F(DateOnly d) => CityCalendar.Format(d);
}
