using System.Text.Json;
using static Cases.Silo.Tests.Api.AuditSteps;
using static Cases.Silo.Tests.Api.ImportSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>The example files of examples/imports, imported end to end; each test owns its file's ids, so it imports it first and then again.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class ImportExamplesTests(ApiSilo silo)
{
    [Fact]
    public async Task TheJsonLinesExampleImportsEveryKindAndTheFactsShowOnTheCases()
    {
        var admin = silo.Admin();
        var report = await admin.ImportOkAsync(Example("haidian-register-2019.jsonl"));

        Assert.Equal((5, 5, 0, 0, 0), (report.Count("rows"), report.Count("imported"), report.Count("alreadyImported"), report.Count("refused"), report.Count("toDecide")));
        var reader = silo.Admin().WithReason("checking the import of the 2019 register");
        var applicant = (await reader.GetOkAsync("/applicants/E-110108198503150021")).GetProperty("state");
        Assert.Equal("Approved", applicant.GetProperty("permit").GetProperty("status").GetString());
        Assert.Equal("2019-04-17", applicant.GetProperty("permit").GetProperty("decidedOn").GetString());
        Assert.Equal("haidian-talent-register", applicant.GetProperty("permit").GetProperty("importedFrom").GetProperty("system").GetString());
        Assert.Equal("admin:root", applicant.GetProperty("permit").GetProperty("decidedBy").GetString());
        Assert.Equal("HR-2020-0088", applicant.GetProperty("householdRegistration").GetProperty("applicationId").GetString());
        var enterprise = (await reader.GetOkAsync("/enterprises/ENT-2018-031")).GetProperty("state");
        Assert.Equal("zgc-01", enterprise.GetProperty("currentParkKey").GetString());
        Assert.Equal(100_000, enterprise.GetProperty("startupGrant").GetProperty("amountCny").GetInt64());
        // The admission travels the park roster's stream like any other admission.
        await PollAsync(async () =>
        {
            var response = await silo.Officer().GetAsync("/parks/zgc-01");
            return response.IsSuccessStatusCode ? await response.JsonAsync() : default;
        }, park => park.ValueKind == JsonValueKind.Object && park.GetProperty("state").GetProperty("roster").TryGetProperty("ENT-2018-031", out _),
            "the imported enterprise on the park's roster");

        var again = await admin.ImportOkAsync(Example("haidian-register-2019.jsonl"));
        Assert.Equal((0, 5), (again.Count("imported"), again.Count("alreadyImported")));
        Assert.Equal(3, (await reader.GetOkAsync("/audit/streams/applicant/E-110108198503150021/events")).GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task TheCsvExampleImportsAndImportingItAgainChangesNothing()
    {
        var admin = silo.Admin();
        var report = await admin.ImportOkAsync(Example("chaoyang-register-2020.csv"), Csv);

        Assert.Equal((4, 4), (report.Count("rows"), report.Count("imported")));
        Assert.Equal([2, 3, 4, 5], report.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("line").GetInt32()));
        var reader = silo.Admin().WithReason("checking the import of the 2020 register");
        var enterprise = (await reader.GetOkAsync("/enterprises/ENT-2020-007")).GetProperty("state");
        Assert.Equal("Beiwang Medical Devices, Ltd.", enterprise.GetProperty("registration").GetProperty("name").GetString());
        var versionBefore = (await reader.GetOkAsync("/applicants/E-110105198711020047")).GetProperty("version").GetInt64();

        var again = await admin.ImportOkAsync(Example("chaoyang-register-2020.csv"), Csv);

        Assert.Equal((0, 4, 0, 0), (again.Count("imported"), again.Count("alreadyImported"), again.Count("refused"), again.Count("toDecide")));
        Assert.Equal(versionBefore, (await reader.GetOkAsync("/applicants/E-110105198711020047")).GetProperty("version").GetInt64());
    }
}
