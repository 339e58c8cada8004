using Cases.Domain.Disciplines;
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

    // Item 3 "STEM or medical fields": the discipline the field names, classed by the rule set.
    public static Discipline? DisciplineOf(Degree d) => DisciplineRules.Of(d.DisciplineCode, d.Field);

    public static Discipline? DisciplineOf(ResearchPeriod r) => DisciplineRules.Of(r.DisciplineCode, r.Field);

    public static bool IsStemOrMedical(RuleSet rules, Degree d) => DisciplineRules.IsStemOrMedical(rules, DisciplineOf(d));

    public static bool IsStemOrMedical(RuleSet rules, ResearchPeriod r) => DisciplineRules.IsStemOrMedical(rules, DisciplineOf(r));

    // e.g. "master in 计算机科学与技术 (0812, engineering: STEM)".
    public static string Subject(RuleSet rules, Degree d) =>
        $"{d.Level.ToString().ToLowerInvariant()} in {DisciplineRules.Describe(rules, DisciplineOf(d), d.Field)}";

    public static string Subject(RuleSet rules, ResearchPeriod r) => DisciplineRules.Describe(rules, DisciplineOf(r), r.Field);

    public static bool IsKeyIndustry(RuleSet rules, string? industry) =>
        industry is not null && rules.KeyIndustries.Contains(industry, StringComparer.OrdinalIgnoreCase);

    // e.g. "master in 计算机科学与技术 (0812, engineering: STEM; GB, 2023-09-01, university rank 150)".
    public static string Describe(RuleSet rules, Degree d) =>
        $"{d.Level.ToString().ToLowerInvariant()} in {DisciplineRules.Name(DisciplineOf(d), d.Field)} " +
        $"({DisciplineRules.Label(rules, DisciplineOf(d))}; {d.Country}, {F(d.ObtainedOn)}, " +
        (d.UniversityRank is { } rank ? $"university rank {rank})" : "university unranked)");

    // A permit issued before the platform is held all the same; the reason says whose decision it rests on (rules 2024.3).
    public static string HeldPermit(PermitRecord permit) => permit.ImportedFrom is { } origin
        ? $"holds the Residence and Work Permit {permit.PermitId} issued on {F(permit.DecidedOn!.Value)}, imported from {origin}"
        : $"holds the approved Residence and Work Permit {permit.PermitId}";

    public static string F(DateOnly d) => CityCalendar.Format(d);
}
