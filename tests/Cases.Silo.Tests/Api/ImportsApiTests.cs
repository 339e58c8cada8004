using System.Net;
using System.Text;
using System.Text.Json;
using static Cases.Silo.Tests.Api.AuditSteps;
using static Cases.Silo.Tests.Api.ImportSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class ImportsApiTests(ApiSilo silo)
{
    [Fact]
    public async Task BadRowsAreRefusedWithLineFieldAndReasonWhileTheGoodRowsImport()
    {
        var good = NewId("E");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");
        var body = Lines(
            PermitRow(good, NewId("row")),
            new { kind = "permit-issued", source = "test-register", sourceRowId = NewId("row"), decidedOn = "2019-01-01", identityDocument = NewId("E"), nationality = "CN", passport = "Chinese", district = "haidian", permitId = "RWP-1" },
            PermitRow(NewId("E"), NewId("row"), decidedOn: "2019-02-30"),
            PermitRow(NewId("E"), NewId("row"), decidedOn: tomorrow),
            new { kind = "visa-granted", source = "test-register", sourceRowId = NewId("row"), decidedOn = "2019-01-01" },
            PermitRow("P-Р123" + Guid.NewGuid().ToString("N")[..6], NewId("row")));

        var report = await silo.Admin().ImportOkAsync(body + "{not json\n");

        Assert.Equal((7, 1), (report.Count("rows"), report.Count("imported")));
        var refused = report.GetProperty("refused").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([2, 3, 4, 5, 6, 7], refused.Select(r => r.Item1));
        Assert.Equal(("name", "is required"), (refused[0].Item2, refused[0].Item3));
        Assert.Equal("decidedOn", refused[1].Item2);
        Assert.Contains("2019-02-30", refused[1].Item3, StringComparison.Ordinal);
        Assert.Equal("decidedOn", refused[2].Item2);
        Assert.Contains("after today", refused[2].Item3, StringComparison.Ordinal);
        Assert.Equal("kind", refused[3].Item2);
        Assert.Contains("permit-issued", refused[3].Item3, StringComparison.Ordinal);
        Assert.Equal("identityDocument", refused[4].Item2);
        Assert.Contains("must not mix scripts", refused[4].Item3, StringComparison.Ordinal);
        Assert.Equal("row", refused[5].Item2);
        var imported = (await silo.Admin().WithReason("import check").GetOkAsync($"/applicants/{good}")).GetProperty("state");
        Assert.Equal("Approved", imported.GetProperty("permit").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ARowMatchingACaseOpenedOnThePlatformIsListedForAPersonAndNotMerged()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var report = await silo.Admin().ImportOkAsync(Lines(PermitRow(id, NewId("row"), name: "Li Wei")));

        var match = Assert.Single(report.GetProperty("toDecide").EnumerateArray());
        Assert.Equal((1, $"applicant/{id}", "import-matches-existing-case"),
            (match.GetProperty("line").GetInt32(), match.GetProperty("grain").GetString(), match.GetProperty("code").GetString()));
        Assert.Equal(0, report.Count("imported"));
        var state = (await silo.Officer().WithReason("import check").GetOkAsync($"/applicants/{id}")).GetProperty("state");
        Assert.Equal(JsonValueKind.Null, state.GetProperty("permit").ValueKind);
        Assert.Equal(JsonValueKind.Null, state.GetProperty("importedFrom").ValueKind);
    }

    [Fact]
    public async Task TheSameDocumentWithConflictingDataIsListedForAPerson()
    {
        var id = NewId("E");
        await silo.Admin().ImportOkAsync(Lines(PermitRow(id, NewId("row"))));

        var report = await silo.Admin().ImportOkAsync(Lines(PermitRow(id, NewId("row"), name: "Wang Fang")));

        Assert.Equal("import-conflicts", Assert.Single(report.GetProperty("toDecide").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnotherAdminImportingTheSameRowFindsItAlreadyImportedButChangedDataGoesToAPerson()
    {
        var id = NewId("E");
        var rowId = NewId("row");
        await silo.Admin().ImportOkAsync(Lines(PermitRow(id, rowId)));
        var other = silo.As("admin", "zhou");

        var same = await other.ImportOkAsync(Lines(PermitRow(id, rowId)));
        var changed = await other.ImportOkAsync(Lines(PermitRow(id, rowId, name: "Wang Fang")));

        Assert.Equal((0, 1, 0), (same.Count("imported"), same.Count("alreadyImported"), same.Count("toDecide")));
        Assert.Equal("import-conflicts", Assert.Single(changed.GetProperty("toDecide").EnumerateArray()).GetProperty("code").GetString());
        var events = (await silo.Admin().WithReason("import check").GetOkAsync($"/audit/streams/applicant/{id}/events")).GetProperty("events");
        Assert.Equal(2, events.GetArrayLength());
    }

    [Fact]
    public async Task AnImportedPermitSatisfiesArt18PathCAndTheReasonSaysItWasImported()
    {
        var id = NewId("E");
        var rowId = NewId("row");
        await silo.Admin().ImportOkAsync(Lines(PermitRow(id, rowId)));

        var answer = await silo.Officer().PostOkAsync($"/applicants/{id}/household-registrations", new { applicationId = "HR-1", appliedByEmployer = true });

        var payload = answer.GetProperty("events")[0].GetProperty("payload");
        Assert.True(payload.GetProperty("evaluation").GetProperty("passed").GetBoolean());
        Assert.Equal("2024.3", payload.GetProperty("evaluation").GetProperty("ruleSetVersion").GetString());
        var pathC = payload.GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("path").GetString() == "C").GetProperty("evaluation");
        Assert.True(pathC.GetProperty("passed").GetBoolean());
        var held = pathC.GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "C-holds-permit");
        Assert.Equal($"holds the Residence and Work Permit RWP-{rowId} issued on 2019-04-17, imported from test-register row {rowId}", held.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnImportIsItselfOnRecordWithItsAdminSourceAndReport()
    {
        var report = await silo.Admin().ImportOkAsync(Lines(PermitRow(NewId("E"), NewId("row")), PermitRow(NewId("E"), NewId("row"), decidedOn: "yesterday")), query: "?source=record-test");
        var importId = report.GetProperty("importId").GetString();

        var recorded = (await silo.Auditor().GetOkAsync($"/imports/{importId}")).GetProperty("state").GetProperty("import");

        Assert.Equal(("admin:root", "record-test", 2, 1), (recorded.GetProperty("by").GetString(), recorded.GetProperty("source").GetString(),
            recorded.GetProperty("rows").GetInt32(), recorded.GetProperty("imported").GetInt32()));
        var note = Assert.Single(recorded.GetProperty("notes").EnumerateArray());
        Assert.Equal((2, "refused", "decidedOn"), (note.GetProperty("line").GetInt32(), note.GetProperty("outcome").GetString(), note.GetProperty("subject").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await silo.Officer().GetAsync($"/imports/{importId}")).StatusCode);
        Assert.True((await silo.Auditor().GetOkAsync($"/audit/streams/import/{importId}/verify")).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task AnOfficerRevokesAnImportedPermitLikeAnyOther()
    {
        var id = NewId("E");
        var rowId = NewId("row");
        await silo.Admin().ImportOkAsync(Lines(PermitRow(id, rowId)));

        await silo.Officer().PostOkAsync($"/applicants/{id}/permits/RWP-{rowId}/revoke", new { reason = "imported in error" });

        var state = (await silo.Officer().WithReason("import check").GetOkAsync($"/applicants/{id}")).GetProperty("state");
        Assert.Equal("Revoked", state.GetProperty("permit").GetProperty("status").GetString());
        var applied = await silo.Officer().PostOkAsync($"/applicants/{id}/household-registrations", new { applicationId = "HR-1", appliedByEmployer = true });
        Assert.False(applied.GetProperty("events")[0].GetProperty("payload").GetProperty("evaluation").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task AnImportedTimelineVerifiesLikeAnyOther()
    {
        var id = NewId("E");
        await silo.Admin().ImportOkAsync(Lines(PermitRow(id, NewId("row"))));

        var verdict = await silo.Auditor().GetOkAsync($"/audit/streams/applicant/{id}/verify");

        Assert.True(verdict.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verdict.GetProperty("eventsChecked").GetInt64());
    }

    [Fact]
    public async Task TheRequestSourceAppliesToRowsNamingNoneAndCsvLinesCountFromFirstLine()
    {
        var id = NewId("E");
        var csv = "kind,sourceRowId,decidedOn,identityDocument,name,nationality,passport,district,permitId\n" +
            $"permit-issued,{NewId("row")},2018-05-05,{id},Zhao Lei,CN,Chinese,dongcheng,RWP-9\n" +
            $"permit-issued,{NewId("row")},2018-05-05,,Zhao Lei,CN,Chinese,dongcheng,RWP-9\n";

        var report = await silo.Admin().ImportOkAsync(csv, Csv, "?source=dongcheng-register&firstLine=41");

        Assert.Equal(41, Assert.Single(report.GetProperty("cases").EnumerateArray()).GetProperty("line").GetInt32());
        var refused = Assert.Single(report.GetProperty("refused").EnumerateArray());
        Assert.Equal((42, "identityDocument"), (refused.GetProperty("line").GetInt32(), refused.GetProperty("field").GetString()));
        var state = (await silo.Admin().WithReason("import check").GetOkAsync($"/applicants/{id}")).GetProperty("state");
        Assert.Equal("dongcheng-register", state.GetProperty("importedFrom").GetProperty("system").GetString());
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("auditor")]
    [InlineData("operator")]
    public async Task OnlyAnAdminImports(string role)
    {
        var id = NewId("E");
        var response = await silo.As(role, "someone").PostImportAsync(Lines(PermitRow(id, NewId("row"))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Admin().WithReason("import check").GetAsync($"/applicants/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnOversizeFileIsRefusedWith413AndNothingImported()
    {
        var id = NewId("E");
        var body = new StringBuilder(Lines(PermitRow(id, NewId("row"))));
        while (body.Length <= 1024 * 1024)
            body.Append(Row(PermitRow(NewId("E"), NewId("row")))).Append('\n');

        var response = await silo.Admin().PostImportAsync(body.ToString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body-too-large", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Admin().WithReason("import check").GetAsync($"/applicants/{id}")).StatusCode);
    }

    [Fact]
    public async Task MoreRowsThanOneRequestCarriesAreRefusedWholeWithACode()
    {
        var rows = Enumerable.Range(0, 1001).Select(i => new { kind = "grant-paid", sourceRowId = $"r{i}" }).ToArray<object>();

        var response = await silo.Admin().PostImportAsync(Lines(rows));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too-many-rows", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnotherContentTypeOrAnEmptyBodyIsRefusedWithACode()
    {
        var json = await silo.Admin().PostImportAsync("{}", "application/json");
        var empty = await silo.Admin().PostImportAsync("\n\n");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("unsupported-media-type", (await json.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("empty-import", (await empty.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task OneSourceRowTwiceInAFileImportsOnce()
    {
        var rowId = NewId("row");
        var report = await silo.Admin().ImportOkAsync(Lines(PermitRow(NewId("E"), rowId), PermitRow(NewId("E"), rowId)));

        Assert.Equal(1, report.Count("imported"));
        var refused = Assert.Single(report.GetProperty("refused").EnumerateArray());
        Assert.Equal((2, "sourceRowId"), (refused.GetProperty("line").GetInt32(), refused.GetProperty("field").GetString()));
    }
}
