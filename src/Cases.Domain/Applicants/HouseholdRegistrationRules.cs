using Cases.Domain.Rules;
using static Cases.Domain.Applicants.CommonConditions;

namespace Cases.Domain.Applicants;

/// <summary>Returnee-measures-2024 item 3 and Art. 18: household registration by path A, B or C; any one path suffices.</summary>
public static class HouseholdRegistrationRules
{
    public static HouseholdRegistrationAssessment Evaluate(
        RuleSet rules, ApplicantState state, DateOnly on, bool appliedByEmployer, IEnumerable<Dependant> dependants)
    {
        var p = state.Profile ?? throw new InvalidOperationException("The applicant is not registered.");
        PathEvaluation[] paths =
        [
            Path(rules, "A", PathA(rules, p, on)),
            Path(rules, "B", PathB(rules, p, on)),
            Path(rules, "C", PathC(rules, state, p, appliedByEmployer)),
        ];
        // Item 3 lists the paths as alternatives: the application holds when any path holds.
        var summary = paths.Select(path => new Condition(
            $"path-{path.Path}", SourceOf(path.Path), path.Evaluation.Passed,
            path.Evaluation.Passed
                ? "met: " + string.Join("; ", path.Evaluation.Conditions.Select(c => c.Reason))
                : "not met: " + string.Join("; ", path.Evaluation.Failed.Select(c => c.Reason)))).ToArray();
        var included = dependants.Select(d =>
        {
            var (eligible, reason) = DependantRules.Eligibility(rules, d, on);
            return new DependantInclusion(d.DependantId, d.Relation, eligible, reason);
        }).ToArray();
        return new HouseholdRegistrationAssessment(
            new Evaluation(rules.Version, paths.Any(x => x.Evaluation.Passed), summary), paths, included);
    }

    private static PathEvaluation Path(RuleSet rules, string path, Condition[] conditions) =>
        new(path, new Evaluation(rules.Version, conditions.All(c => c.Passed), conditions));

    private static string SourceOf(string path) => path switch
    {
        "A" => Sources.Item3PathA,
        "B" => Sources.Item3PathB,
        _ => Sources.Item3PathC,
    };

    private static Condition[] PathA(RuleSet rules, ApplicantProfile p, DateOnly on)
    {
        const string src = Sources.Item3PathA;
        // Item 3: "full-time returned overseas talents in Beijing".
        var employed = p.Employer switch
        {
            null => new Condition("A-full-time-in-city", src, false, "no employer in the city is recorded"),
            { FullTime: false } e => new Condition("A-full-time-in-city", src, false,
                $"employed by {e.Name} in {e.District}, but not full-time"),
            var e => new Condition("A-full-time-in-city", src, true, $"employed full-time by {e.Name} in {e.District}"),
        };
        // Item 3: "at least one year" abroad: a full year is enough here, unlike Art. 1's "more than one year".
        var studied = p.StudyAbroad.Sum(s => s.Days);
        var abroad = new Condition("A-abroad-at-least-one-year", src, studied >= rules.StudyAbroadMoreThanDays,
            $"studied abroad {studied} days in total; at least {rules.StudyAbroadMoreThanDays} are required");
        return [employed, TopDegree(rules, p), abroad, ReturnedWithin(rules, p, on, "A-returned-recently", src)];
    }

    // Item 3: master's or higher in STEM/medicine from a top-ranked university; "for key industries ... may be relaxed".
    private static Condition TopDegree(RuleSet rules, ApplicantProfile p)
    {
        const string code = "A-stem-degree-from-ranked-university";
        var industry = p.Employer?.Industry;
        var key = IsKeyIndustry(rules, industry);
        var limit = key ? rules.KeyIndustryUniversityRank : rules.TopUniversityRank;
        var why = key
            ? $"rank {limit} or better is required because {industry} is a key industry"
            : $"rank {limit} or better is required ({(industry is null ? "no employer industry recorded" : $"{industry} is not a key industry")})";
        var masters = p.Degrees.Where(d => d.Level >= DegreeLevel.Master).ToList();
        var candidates = masters.Where(d => IsStemOrMedical(rules, d)).ToList();
        if (candidates.Count == 0)
            return new Condition(code, Sources.Item3PathA, false, masters.Count == 0
                ? "holds no master's degree or above"
                : $"holds no master's degree or above in a STEM or medical subject: {string.Join("; ", masters.Select(d => Subject(rules, d)))}");
        var best = candidates.OrderBy(d => d.UniversityRank ?? int.MaxValue).First();
        var passed = best.UniversityRank is { } rank && rank <= limit;
        return new Condition(code, Sources.Item3PathA, passed, $"best qualifying degree: {Describe(rules, best)}; {why}");
    }

    private static Condition[] PathB(RuleSet rules, ApplicantProfile p, DateOnly on)
    {
        const string src = Sources.Item3PathB;
        // Item 3: "domestic PhDs".
        var phd = HighestDegree(p, d => d.Level == DegreeLevel.Doctorate && !d.ObtainedAbroad);
        var domestic = phd is null
            ? new Condition("B-domestic-doctorate", src, false, "holds no doctorate obtained in China")
            : new Condition("B-domestic-doctorate", src, true, $"holds a domestic {Describe(rules, phd)}");
        // Item 3: "postdoctoral research or academic visits abroad in STEM/medical fields for over a year".
        var days = p.ResearchAbroad.Where(r => IsStemOrMedical(rules, r)).Sum(r => r.Days);
        var stays = p.ResearchAbroad.Count == 0 ? "none recorded" : string.Join("; ", p.ResearchAbroad.Select(r => $"{r.Days} days in {Subject(rules, r)}"));
        var research = new Condition("B-research-abroad-over-one-year", src, days > rules.StudyAbroadMoreThanDays,
            $"spent {days} days in post-doctoral research or academic visits abroad in STEM or medical subjects ({stays}); " +
            $"more than {rules.StudyAbroadMoreThanDays} are required");
        return [domestic, research, ReturnedWithin(rules, p, on, "B-returned-recently", src)];
    }

    private static Condition[] PathC(RuleSet rules, ApplicantState state, ApplicantProfile p, bool appliedByEmployer)
    {
        const string src = Sources.Item3PathC;
        // Art. 18: "hold Chinese passports".
        var passport = new Condition("C-chinese-passport", src, p.Passport == PassportKind.Chinese,
            p.Passport == PassportKind.Chinese ? "holds a Chinese passport" : "holds a foreign passport; a Chinese passport is required");
        // Art. 18: "have obtained the ... Residence Permit for Working in Beijing".
        var permit = state.HoldsPermit
            ? new Condition("C-holds-permit", src, true, HeldPermit(state.Permit!))
            : new Condition("C-holds-permit", src, false,
                $"holds no approved Residence and Work Permit{(state.Permit is { } pm ? $" (permit {pm.PermitId} is {pm.Status.ToString().ToLowerInvariant()})" : "")}");
        // Art. 18: "a master's degree or above or a senior professional title before going abroad".
        var degree = HighestDegree(p, d => d.Level >= DegreeLevel.Master);
        var qualified = degree is not null
            ? new Condition("C-master-or-senior-title", src, true, $"holds a {Describe(rules, degree)}")
            : p.TitleBeforeAbroad == ProfessionalTitle.Senior
                ? new Condition("C-master-or-senior-title", src, true, "held a senior title before going abroad")
                : new Condition("C-master-or-senior-title", src, false,
                    "holds neither a master's degree or above nor a senior title from before going abroad");
        // Art. 18: "upon the application of their employers".
        var employer = new Condition("C-applied-by-employer", src, appliedByEmployer,
            appliedByEmployer ? "applied for by the employer" : "not applied for by the employer, as Art. 18 requires");
        return [passport, permit, qualified, employer];
    }
}
