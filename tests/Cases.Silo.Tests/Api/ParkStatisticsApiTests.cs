using System.Net.Http.Json;
using System.Text.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>GET /parks/{key}/statistics: the roster's figures as the decision streams fold them, for the park's own operator and the programme's staff only.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class ParkStatisticsApiTests(ApiSilo silo)
{
    private int CityYear => silo.CityYear();

    [Fact]
    public async Task TheOperatorSeesAdmissionsMilestonesGraduationAndTalentTeamsOfTheirPark()
    {
        var parkKey = NewId("park");
        var @operator = silo.As("operator", parkKey);
        var proposed = await ProposedAndConsentedAsync(parkKey, @operator);
        var decided = await DecidedByOfficerAsync(parkKey);
        await RecordAsync(@operator, proposed, new { kind = "FundingRound", value = 2_000_000, reference = "seed" });
        await RecordAsync(@operator, proposed, new { kind = "Patent", value = 2 });
        await RecordAsync(@operator, proposed, new { kind = "StaffCount", value = 15 });
        await RecordAsync(@operator, proposed, new { kind = "Revenue", value = 800_000, year = CityYear - 1 });
        await RecordAsync(@operator, decided, new { kind = "StaffCount", value = 5 });
        await JsonAsync(await @operator.PostAsync($"/enterprises/{decided}/graduation", null));
        var lastYear = new DateOnly(CityYear - 1, 6, 1).ToString("yyyy-MM-dd");
        await JsonAsync(await @operator.PostAsJsonAsync($"/parks/{parkKey}/talent-teams", new { teamName = "Photonics group", attractedOn = lastYear }));

        var s = await EventuallyAsync(() => @operator.GetAsync($"/parks/{parkKey}/statistics"),
            s => s.GetProperty("enterprises").GetProperty("graduated").GetInt32() == 1 && s.GetProperty("milestones").GetProperty("staff").GetInt32() == 20
                && s.GetProperty("talentTeams").GetProperty("inWindow").GetInt32() == 1);

        Assert.Equal(parkKey, s.GetProperty("parkKey").GetString());
        Assert.Equal((0, 1, 1, 0, 2), Stages(s));
        Assert.Equal([(CityYear, 2)], YearCounts(s.GetProperty("admissionsByYear")));
        Assert.Equal([(CityYear, 1)], YearCounts(s.GetProperty("graduationsByYear")));
        var routes = s.GetProperty("admissionRoutes");
        Assert.Equal((1, 1, 0), (routes.GetProperty("consented").GetInt32(), routes.GetProperty("decidedByOfficer").GetInt32(), routes.GetProperty("imported").GetInt32()));
        var m = s.GetProperty("milestones");
        Assert.Equal((1, 2_000_000L, 2, 2), (m.GetProperty("fundingRounds").GetInt32(), m.GetProperty("fundingRaisedCny").GetInt64(), m.GetProperty("patents").GetInt32(), m.GetProperty("staffReportedBy").GetInt32()));
        var revenue = Assert.Single(m.GetProperty("revenueByYear").EnumerateArray());
        Assert.Equal((CityYear - 1, 800_000m), (revenue.GetProperty("year").GetInt32(), revenue.GetProperty("amountCny").GetDecimal()));
        var teams = s.GetProperty("talentTeams");
        Assert.Equal([(CityYear - 2, 0), (CityYear - 1, 1), (CityYear, 0)], YearCounts(teams.GetProperty("byYear")));
        Assert.True(s.GetProperty("appliedThrough").GetInt64() > 0);
    }

    [Fact]
    public async Task AnImportedAdmissionCountsInTheYearItWasDecided()
    {
        var parkKey = NewId("park");
        var row = new
        {
            kind = "park-admission", source = "zgc-park-admissions", sourceRowId = NewId("ADM"), decidedOn = "2018-09-10",
            enterpriseId = NewId("ENT"), enterpriseName = "Qingyun Photonics", industry = "integrated-circuits", district = "haidian", park = parkKey,
        };
        await silo.Admin().ImportOkAsync(ImportSteps.Lines(row));

        var s = await EventuallyAsync(() => silo.Officer().GetAsync($"/parks/{parkKey}/statistics"),
            s => s.GetProperty("enterprises").GetProperty("admitted").GetInt32() == 1 && s.GetProperty("admissionRoutes").GetProperty("imported").GetInt32() == 1);

        Assert.Equal([(2018, 1)], YearCounts(s.GetProperty("admissionsByYear")));
    }

    [Fact]
    public async Task ARebuildFromTheLogAgreesWithTheLiveStatistics()
    {
        var (id, parkKey, @operator) = await EnterpriseInParkAsync(silo);
        await RecordAsync(@operator, id, new { kind = "Revenue", value = 90_000, year = CityYear - 1 });
        await EventuallyAsync(() => @operator.GetAsync($"/parks/{parkKey}/statistics"), s => s.GetProperty("milestones").GetProperty("revenueByYear").GetArrayLength() == 1);

        var report = await JsonAsync(await silo.Admin().PostAsync("/read-models/rebuild?compareOnly=true", null));

        var model = report.GetProperty("readModels").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "park-statistics");
        Assert.True(model.GetProperty("partitions").GetInt32() >= 1);
        Assert.DoesNotContain(parkKey, model.GetProperty("differing").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task AnotherParksOperatorAndApplicantsAreRefusedWhileStaffRead()
    {
        var parkKey = NewId("park");
        await JsonAsync(await silo.Officer().PostAsJsonAsync($"/parks/{parkKey}/talent-teams", new { teamName = "T", attractedOn = new DateOnly(CityYear - 1, 1, 1).ToString("yyyy-MM-dd") }));
        var (_, applicant) = await RecognisedApplicantAsync(silo);

        await ProblemAsync(await silo.As("operator", NewId("park")).GetAsync($"/parks/{parkKey}/statistics"), 403, "forbidden");
        await ProblemAsync(await applicant.GetAsync($"/parks/{parkKey}/statistics"), 403);
        await ProblemAsync(await silo.Anonymous().GetAsync($"/parks/{parkKey}/statistics"), 401);
        foreach (var staff in new[] { silo.Officer(), silo.Auditor(), silo.Admin(), silo.As("operator", parkKey) })
            await EventuallyAsync(() => staff.GetAsync($"/parks/{parkKey}/statistics"), s => s.GetProperty("talentTeams").GetProperty("allTime").GetInt32() == 1);
    }

    [Fact]
    public async Task AnUnknownParkIs404()
    {
        var parkKey = NewId("park");

        await ProblemAsync(await silo.Officer().GetAsync($"/parks/{parkKey}/statistics"), 404, "not-found");
        await ProblemAsync(await silo.As("operator", parkKey).GetAsync($"/parks/{parkKey}/statistics"), 404, "not-found");
    }

    private async Task<string> ProposedAndConsentedAsync(string parkKey, HttpClient @operator)
    {
        var (id, _, founder) = await EnterpriseAsync(silo);
        await JsonAsync(await @operator.PostAsJsonAsync($"/enterprises/{id}/park-admission-proposals", new { parkKey }));
        await JsonAsync(await founder.PostAsync($"/enterprises/{id}/park-admission-proposals/{parkKey}/consent", null));
        return id;
    }

    private async Task<string> DecidedByOfficerAsync(string parkKey)
    {
        var (id, _, _) = await EnterpriseAsync(silo);
        await JsonAsync(await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/park-admission", new { parkKey, reason = "founders asked the centre in person" }));
        return id;
    }

    private static async Task RecordAsync(HttpClient @operator, string enterpriseId, object milestone) =>
        await JsonAsync(await @operator.PostAsJsonAsync($"/enterprises/{enterpriseId}/milestones", milestone));

    private static (int, int, int, int, int) Stages(JsonElement s)
    {
        var e = s.GetProperty("enterprises");
        return (e.GetProperty("admitted").GetInt32(), e.GetProperty("incubating").GetInt32(), e.GetProperty("graduated").GetInt32(), e.GetProperty("left").GetInt32(), e.GetProperty("total").GetInt32());
    }

    private static (int Year, int Count)[] YearCounts(JsonElement list) =>
        [.. list.EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("count").GetInt32()))];
}
