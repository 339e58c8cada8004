using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Silo.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class AuditVerifyTests(ApiSilo silo)
{
    [Fact]
    public async Task AnUntouchedCaseAndStoreVerifyIntact()
    {
        var id = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(id));
        await own.PostOkAsync($"/applicants/{id}/recognition", new { applicationId = "rec-1" });

        var stream = await silo.Auditor().GetOkAsync($"/audit/streams/applicant/{id}/verify");
        var store = await silo.Admin().GetOkAsync("/audit/verify");

        Assert.True(stream.GetProperty("intact").GetBoolean());
        Assert.Equal(2, stream.GetProperty("eventsChecked").GetInt64());
        Assert.True(store.GetProperty("intact").GetBoolean());
        Assert.Empty(store.GetProperty("broken").EnumerateArray());
    }

    [Fact]
    public async Task OnlyAuditorsAndAdminsVerify()
    {
        var id = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        Assert.Equal(HttpStatusCode.Forbidden, (await silo.Officer().GetAsync("/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync($"/audit/streams/applicant/{id}/verify")).StatusCode);
    }

    [Fact]
    public async Task AnEditedEventIsReportedWithItsStreamAndVersion()
    {
        using var folder = new TempFolder();
        await using var factory = SiloFactory.WithDataDirectory(Path.Combine(folder.Path, "data"), ("Cases:Auth:DevMode", "false"));
        var id = NewId("P");
        var anonymous = factory.CreateClient();
        await anonymous.PostOkAsync("/applicants", Profiles.Eligible(id));
        var auditor = factory.CreateClient();
        auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", factory.Services.GetRequiredService<TokenService>().Issue(Roles.Auditor, "sun", TimeSpan.FromHours(1)));
        Assert.True((await auditor.GetOkAsync($"/audit/streams/applicant/{id}/verify")).GetProperty("intact").GetBoolean());

        // What a forger with database access would do: rewrite the stored name.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "data", "cases.db")};Pooling=False"))
        {
            await db.OpenAsync();
            using var edit = db.CreateCommand();
            edit.CommandText = "UPDATE events SET payload = replace(payload, 'Li Wei', 'Li Wen') WHERE stream_id = $s AND version = 1";
            edit.Parameters.AddWithValue("$s", $"applicant/{id}");
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var stream = await auditor.GetOkAsync($"/audit/streams/applicant/{id}/verify");
        var store = await auditor.GetOkAsync("/audit/verify");

        Assert.False(stream.GetProperty("intact").GetBoolean());
        Assert.Equal(1, stream.GetProperty("brokenAtVersion").GetInt64());
        Assert.Contains("hash", stream.GetProperty("problem").GetString());
        Assert.False(store.GetProperty("intact").GetBoolean());
        var broken = Assert.Single(store.GetProperty("broken").EnumerateArray());
        Assert.Equal($"applicant/{id}", broken.GetProperty("stream").GetString());
    }

    [Fact]
    public async Task AnEditedEventWhoseOwnHashWasRewrittenIsReportedAtTheNextVersion()
    {
        using var folder = new TempFolder();
        await using var factory = SiloFactory.WithDataDirectory(Path.Combine(folder.Path, "data"), ("Cases:Auth:DevMode", "false"));
        var id = NewId("P");
        var own = factory.CreateClient();
        var token = (await own.PostOkAsync("/applicants", Profiles.Eligible(id))).GetProperty("token").GetString();
        own.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await own.PostOkAsync($"/applicants/{id}/recognition", new { applicationId = "rec-1" });
        var auditor = factory.CreateClient();
        auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", factory.Services.GetRequiredService<TokenService>().Issue(Roles.Auditor, "sun", TimeSpan.FromHours(1)));

        // A careful forger rewrites the edited event's hash too, so the event itself checks out; its successor's link does not.
        var first = await factory.Services.GetRequiredService<IEventStore>().ReadStreamAsync($"applicant/{id}", 1, 1).SingleAsync();
        var forged = first with { Payload = first.Payload.Replace("Li Wei", "Li Wen", StringComparison.Ordinal) };
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "data", "cases.db")};Pooling=False"))
        {
            await db.OpenAsync();
            using var edit = db.CreateCommand();
            edit.CommandText = "UPDATE events SET payload = $p, hash = $h WHERE stream_id = $s AND version = 1";
            edit.Parameters.AddWithValue("$p", forged.Payload);
            edit.Parameters.AddWithValue("$h", EventHasher.Compute(EventHasher.Genesis, forged));
            edit.Parameters.AddWithValue("$s", $"applicant/{id}");
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var stream = await auditor.GetOkAsync($"/audit/streams/applicant/{id}/verify");
        var store = await auditor.GetOkAsync("/audit/verify");

        Assert.NotEqual(first.Payload, forged.Payload);
        Assert.Equal(("false", "2", "1"), (Raw(stream, "intact"), Raw(stream, "brokenAtVersion"), Raw(stream, "eventsChecked")));
        var broken = Assert.Single(store.GetProperty("broken").EnumerateArray());
        Assert.Equal(($"applicant/{id}", "2"), (broken.GetProperty("stream").GetString(), Raw(broken, "brokenAtVersion")));
    }

    private static string Raw(JsonElement element, string property) => element.GetProperty(property).GetRawText();
}
