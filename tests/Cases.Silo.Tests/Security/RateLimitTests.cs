using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cases.Silo.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Silo.Tests.Security;

/// <summary>Each authenticated caller has a request budget of its own; spending it is 429 with Retry-After for that caller only.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private SiloFactory _silo = null!;

    public Task InitializeAsync()
    {
        _silo = SiloFactory.WithDataDirectory(Path.Combine(_folder.Path, "data"), ("Cases:Auth:DevMode", "false"),
            ("Cases:RateLimits:PerCaller:TokenLimit", "3"), ("Cases:RateLimits:PerCaller:TokensPerPeriod", "1"),
            ("Cases:RateLimits:PerCaller:ReplenishmentPeriod", "00:10:00"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(Roles.Officer, "wang", "/auth/me")]
    [InlineData(Roles.Applicant, "P-rate", "/applicants/P-rate")]
    [InlineData(Roles.Operator, "zgc-01", "/parks/zgc-01")]
    public async Task ACallerOverItsBudgetIs429WithRetryAfterAndOthersAreServed(string role, string subject, string path)
    {
        var caller = Client(role, subject);
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await caller.GetAsync(path)).StatusCode);

        var refused = await caller.GetAsync(path);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.Equal("rate-limited", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client(Roles.Auditor, $"other-{role}").GetAsync("/auth/me")).StatusCode);
    }

    private HttpClient Client(string role, string subject)
    {
        var client = _silo.CreateClient();
        var token = _silo.Services.GetRequiredService<TokenService>().Issue(role, subject, TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
