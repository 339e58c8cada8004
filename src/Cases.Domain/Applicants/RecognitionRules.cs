using Cases.Domain.Rules;
using static Cases.Domain.Applicants.CommonConditions;

namespace Cases.Domain.Applicants;

/// <summary>Art. 1: whether an applicant is overseas-educated personnel on a given date.</summary>
public static class RecognitionRules
{
    public static Evaluation Evaluate(RuleSet rules, ApplicantProfile p, DateOnly on)
    {
        Condition[] conditions =
        [
            ChineseNational(p),
            AbroadMoreThanOneYear(rules, p),
            ReturnedWithin(rules, p, on, "returned-recently", Sources.Art1 + "; " + Sources.Item3),
            Qualification(rules, p),
        ];
        return new Evaluation(rules.Version, conditions.All(c => c.Passed), conditions);
    }

    // Art. 1: "Chinese nationals who have studied abroad": the nationality held when going abroad, not the current one.
    private static Condition ChineseNational(ApplicantProfile p)
    {
        var now = p.Nationality.Equals(p.DepartureNationality, StringComparison.OrdinalIgnoreCase) ? "" : $", now {p.Nationality}";
        return p.DepartureNationality.Equals("CN", StringComparison.OrdinalIgnoreCase)
            ? new Condition("chinese-national", Sources.Art1, true, $"went abroad as a Chinese national (nationality when going abroad CN{now})")
            : new Condition("chinese-national", Sources.Art1, false,
                $"nationality when going abroad was {p.DepartureNationality}{now}; only Chinese nationals (CN) who studied abroad are covered");
    }

    // Art. 1: "studied abroad for more than one year"; (3) counts post-doctoral research abroad as study.
    private static Condition AbroadMoreThanOneYear(RuleSet rules, ApplicantProfile p)
    {
        var study = p.StudyAbroad.Sum(s => s.Days);
        var research = p.ResearchAbroad.Sum(r => r.Days);
        var total = study + research;
        var detail = research > 0 ? $" ({study} studying, {research} in research)" : "";
        return new Condition("abroad-more-than-one-year", Sources.Art1, total > rules.StudyAbroadMoreThanDays,
            $"studied abroad {total} days in total{detail}; more than {rules.StudyAbroadMoreThanDays} are required");
    }

    // Art. 1 (1)-(3): any one of the three qualifications.
    private static Condition Qualification(RuleSet rules, ApplicantProfile p)
    {
        const string code = "qualification";
        // Art. 1 (1): master's degree or above obtained in a foreign country.
        if (HighestDegree(p, d => d.ObtainedAbroad && d.Level >= DegreeLevel.Master) is { } abroad)
            return new Condition(code, Sources.Art1 + " (1)", true, $"holds a {Describe(rules, abroad)} obtained abroad");
        // Art. 1 (2): intermediate professional or technical title or above before going abroad.
        if (p.TitleBeforeAbroad is { } title)
            return new Condition(code, Sources.Art1 + " (2)", true,
                $"held a {title.ToString().ToLowerInvariant()} title before going abroad");
        // Art. 1 (3): doctorate obtained before going abroad for post-doctoral research or further education.
        if (HighestDegree(p, d => d.Level == DegreeLevel.Doctorate
                && (p.StudyAbroad.Any(s => s.From >= d.ObtainedOn) || p.ResearchAbroad.Any(r => r.From >= d.ObtainedOn))) is { } phd)
            return new Condition(code, Sources.Art1 + " (3)", true,
                $"obtained a {Describe(rules, phd)} before going abroad for research or further study");
        return new Condition(code, Sources.Art1, false,
            "meets none of: a master's degree or above obtained abroad; an intermediate or senior title held before " +
            "going abroad; a doctorate obtained before going abroad for post-doctoral research or further study");
    }
}
