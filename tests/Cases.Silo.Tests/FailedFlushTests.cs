using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cases.Silo.Auth;
using Cases.Silo.Tests.Api;
using Cases.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests;

/// <summary>A silo whose store cannot make a commit durable answers 503 store-unavailable, and the same request retried later succeeds once.</summary>
public sealed class FailedFlushTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task IntakeWhoseFlushFailsIs503AndItsRetryWithTheSameKeyCreatesTheCaseOnce()
    {
        var flush = new SwitchableFlush();
        await using var factory = SiloFactory.WithDataDirectory(Path.Combine(_folder.Path, "data"), ("Cases:Auth:DevMode", "false"));
        var silo = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Configure<SqliteStoreOptions>(o => o.FlushWal = flush.Flush)));
        using var client = silo.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await IntakeAsync(client, NewId("P"), NewId("intake"))).StatusCode);
        var (id, key) = (NewId("P"), NewId("intake"));

        flush.Failing = true;
        var failed = await IntakeAsync(client, id, key);
        flush.Failing = false;
        var retried = await IntakeAsync(client, id, key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("store-unavailable", (await failed.JsonAsync()).GetProperty("code").GetString());
        Assert.NotNull(failed.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        using var auditor = silo.CreateClient();
        auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", silo.Services.GetRequiredService<TokenService>().Issue(Roles.Auditor, "sun", TimeSpan.FromHours(1)));
        var timeline = await auditor.WithReason("checking the retried intake").GetOkAsync($"/audit/streams/applicant/{id}/events");
        Assert.Equal(["ApplicantRegistered"], timeline.GetProperty("events").Types());
    }

    private static Task<HttpResponseMessage> IntakeAsync(HttpClient client, string id, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/applicants") { Content = JsonContent.Create(Profiles.Eligible(id)) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
