using System.Net;
using System.Text;
using System.Text.Json;
using Cases.Domain.Enterprises;
using Cases.Grains.Contracts;
using Cases.Silo.Api;
using Microsoft.Extensions.DependencyInjection;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class AuditExportTests(ApiSilo silo)
{
    private static readonly string[] CsvHeader =
        ["position", "stream", "version", "type", "occurredAt", "recordedAt", "actor", "commandId", "causationId", "correlationId", "hash", "payload"];

    private const string AwkwardReason = "He said \"no\", then\r\nleft";

    [Fact]
    public async Task AJsonLinesExportHasOneEventViewPerLineMatchingTheTimeline()
    {
        var id = await CaseWithAwkwardTextAsync();
        var auditor = silo.Auditor().WithReason("annual audit");

        var response = await auditor.GetAsync($"/audit/streams/applicant/{id}/export?format=jsonl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var timeline = (await auditor.GetOkAsync($"/audit/streams/applicant/{id}/events")).GetProperty("events");
        Assert.Equal(timeline.GetArrayLength(), lines.Length);
        Assert.Equal(timeline.EnumerateArray().Select(e => e.GetRawText()), lines.Select(l => JsonDocument.Parse(l).RootElement.GetRawText()));
    }

    [Fact]
    public async Task ACsvExportParsesBackToOneRowPerEventWithThePayloadIntact()
    {
        var id = await CaseWithAwkwardTextAsync();
        var auditor = silo.Auditor().WithReason("annual audit");

        var response = await auditor.GetAsync($"/audit/streams/applicant/{id}/export?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = ParseCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal(CsvHeader, rows[0]);
        Assert.All(rows, r => Assert.Equal(CsvHeader.Length, r.Count));
        var timeline = (await auditor.GetOkAsync($"/audit/streams/applicant/{id}/events")).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(timeline.Count, rows.Count - 1);
        foreach (var (row, e) in rows.Skip(1).Zip(timeline))
        {
            Assert.Equal(e.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), row[2]);
            Assert.Equal(e.GetProperty("type").GetString(), row[3]);
            Assert.Equal(e.GetProperty("hash").GetString(), row[10]);
            Assert.True(JsonElement.DeepEquals(e.GetProperty("payload"), JsonDocument.Parse(row[11]).RootElement), row[11]);
        }
        var rejected = rows.Skip(1).Single(r => r[3] == "PermitRejected");
        Assert.Equal(AwkwardReason, JsonDocument.Parse(rejected[11]).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ACsvExportDefusesFormulasInTheHeadersAnonymousCallersControl()
    {
        var id = NewId("P");
        const string key = "=HYPERLINK(\"http://evil.example\",\"open\")", correlation = "@SUM(1+1)";
        var intake = new HttpRequestMessage(HttpMethod.Post, "/applicants") { Content = System.Net.Http.Json.JsonContent.Create(Profiles.Eligible(id)) };
        intake.Headers.Add("Idempotency-Key", key);
        intake.Headers.Add("X-Correlation-Id", correlation);
        Assert.Equal(HttpStatusCode.Created, (await silo.Anonymous().SendAsync(intake)).StatusCode);

        var csv = await silo.Auditor().WithReason("annual audit").GetStringAsync($"/audit/streams/applicant/{id}/export?format=csv");

        var row = ParseCsv(csv)[1];
        Assert.Equal(("'" + key, "'" + correlation), (row[7], row[9]));
        Assert.DoesNotContain(ParseCsv(csv).SelectMany(r => r), cell => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AParkExportHoldsTheParksStreamAndEveryRosterEnterprisesStream()
    {
        var park = NewId("park");
        var enterprises = new[] { NewId("ent"), NewId("ent") };
        var grains = silo.Factory.Services.GetRequiredService<ProgrammeGrains>();
        foreach (var enterprise in enterprises)
        {
            var grain = grains.Enterprise(enterprise);
            var meta = new CommandMeta(Actor: "officer:wang");
            Assert.True((await grain.Execute(new RegisterEnterprise("Acme AI", ["P-founder"], false, 100_000, "artificial-intelligence", "haidian"), meta)).IsAccepted);
            Assert.True((await grain.Execute(new AdmitToPark(park, "fits the park"), meta)).IsAccepted);
        }
        var auditor = silo.Auditor();
        await PollAsync(
            async () =>
            {
                var page = await auditor.GetAsync($"/audit/streams/park/{park}/events");
                return page.StatusCode == HttpStatusCode.OK ? (await page.JsonAsync()).GetProperty("events").GetArrayLength() : 0;
            },
            count => count == 2,
            "both admissions to reach the park's roster");

        var jsonl = await auditor.GetStringAsync($"/audit/parks/{park}/export?format=jsonl");
        var csv = ParseCsv(await auditor.GetStringAsync($"/audit/parks/{park}/export?format=csv"));

        var streams = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("stream").GetString()).ToList();
        Assert.True(streams.Count == 8, string.Join("\n", streams)); // 2 roster events + (registered, admission decided, admitted) per enterprise
        Assert.Equal(2, streams.Count(s => s == $"park/{park}"));
        Assert.All(enterprises, e => Assert.Equal(3, streams.Count(s => s == $"enterprise/{e}")));
        Assert.Equal(streams, csv.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public async Task ExportsRefuseUnknownFormatsMissingStreamsAndOfficers()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));
        var auditor = silo.Auditor().WithReason("annual audit");

        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync($"/audit/streams/applicant/{id}/export?format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/audit/parks/{NewId("park")}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await silo.Auditor().GetAsync($"/audit/streams/applicant/{id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await silo.Officer().WithReason("x").GetAsync($"/audit/streams/applicant/{id}/export")).StatusCode);
    }

    // An officer's reason holding a quote, a comma and a line break: what CSV quoting must survive.
    private async Task<string> CaseWithAwkwardTextAsync()
    {
        var id = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(id));
        await own.PostOkAsync($"/applicants/{id}/recognition", new { applicationId = "rec-1" });
        await own.PostOkAsync($"/applicants/{id}/permits", new { permitId = "permit-1", employerReference = "acme-cert-1" });
        await silo.Officer().PostOkAsync($"/applicants/{id}/permits/permit-1/reject", new { reason = AwkwardReason });
        return id;
    }

    // RFC 4180: fields separated by commas, records ended by CRLF; a quoted field may hold commas, line breaks and doubled quotes.
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (quoted && c == '"' && next == '"')
            {
                field.Append('"');
                i += 2;
                continue;
            }
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == ',')
                row = Add(row, field);
            else if (!quoted && c == '\r' && next == '\n')
            {
                rows.Add(Add(row, field));
                row = [];
                i++;
            }
            else
                field.Append(c);
            i++;
        }
        Assert.False(quoted, "the CSV ends inside a quoted field");
        Assert.True(row.Count == 0 && field.Length == 0, "the CSV's last record does not end in CRLF");
        return rows;
    }

    private static List<string> Add(List<string> row, StringBuilder field)
    {
        row.Add(field.ToString());
        field.Clear();
        return row;
    }
}
