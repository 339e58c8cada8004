using System.Text.Json;
using System.Text.Json.Serialization;
using Cases.Client.Load;
using Cases.Domain.Applicants;
using Cases.Domain.Rules;

namespace Cases.Client.Tests;

/// <summary>The load generator's applicants: valid intake bodies the domain reads, unique per run, and a realistic mix under Art. 1.</summary>
public sealed class SyntheticApplicantsTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    // As the silo binds intake bodies: web defaults, string enums, unknown members refused.
    private static readonly JsonSerializerOptions SiloJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [Fact]
    public void SomeApplicantsMeetArticleOneAndOthersDoNot()
    {
        var profiles = Generate(2000);
        var rules = new RuleSet();

        var eligible = profiles.Count(p => RecognitionRules.Evaluate(rules, p, Today).Passed);

        // Most applicants in a surge qualify, but a real share do not (returned too long ago, too short abroad, no qualification).
        Assert.InRange(eligible, 2000 * 0.45, 2000 * 0.85);
    }

    [Fact]
    public void TheFailuresAreSpreadOverSeveralConditions()
    {
        var rules = new RuleSet();

        var failed = Generate(2000)
            .SelectMany(p => RecognitionRules.Evaluate(rules, p, Today).Conditions.Where(c => !c.Passed).Select(c => c.Code))
            .ToHashSet();

        Assert.Superset(new HashSet<string> { "chinese-national", "abroad-more-than-one-year", "returned-recently", "qualification" }, failed);
        Assert.True(failed.Count >= 3, string.Join(", ", failed));
    }

    [Fact]
    public void IdentityDocumentsAreUniqueWithinARunAndDifferBetweenRuns()
    {
        var first = Generate(500, "run-a").Select(p => p.IdentityDocument).ToList();
        var second = Generate(500, "run-b").Select(p => p.IdentityDocument);

        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void ApplicantsComeFromManyDistrictsAndCountries()
    {
        var profiles = Generate(500);

        Assert.True(profiles.Select(p => p.HomeDistrict).Distinct().Count() >= 8);
        Assert.True(profiles.SelectMany(p => p.Degrees).Where(d => d.ObtainedAbroad).Select(d => d.Country).Distinct().Count() >= 8);
        Assert.True(profiles.Select(p => p.Name).Distinct().Count() >= 100);
    }

    // Through JSON, exactly as the load sends them and the silo binds them, so a shape mismatch fails here.
    private static List<ApplicantProfile> Generate(int count, string runId = "test")
    {
        var applicants = new SyntheticApplicants(runId, new Random(42), Today);
        return Enumerable.Range(0, count)
            .Select(i => JsonSerializer.Deserialize<ApplicantProfile>(JsonSerializer.Serialize(applicants.Next(i), SiloJson), SiloJson)!)
            .ToList();
    }
}
