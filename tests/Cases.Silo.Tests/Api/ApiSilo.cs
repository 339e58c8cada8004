using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cases.Silo.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Silo.Tests.Api;

/// <summary>One silo (its real Program on the test server) over a fresh data folder, shared by the API tests; each test uses its own ids.</summary>
public sealed class ApiSilo : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public ApiSilo() => Factory = SiloFactory.WithDataDirectory(Path.Combine(_folder.Path, "data"), ("Cases:Auth:DevMode", "false"));

    public SiloFactory Factory { get; }

    /// <summary>A client without a token: what an anonymous caller (online intake) sees.</summary>
    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client carrying a token for the role and subject, e.g. ("officer", "wang") or ("operator", "zgc-01").</summary>
    public HttpClient As(string role, string subject)
    {
        var client = Factory.CreateClient();
        var token = Factory.Services.GetRequiredService<TokenService>().Issue(role, subject, TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Officer() => As(Roles.Officer, "wang");

    /// <summary>This year in the city's calendar, as the silo's rules date events.</summary>
    public int CityYear() => Factory.Services.GetRequiredService<CityClock>().Today.Year;

    public HttpClient Auditor() => As(Roles.Auditor, "sun");

    public HttpClient Admin() => As(Roles.Admin, "root");

    /// <summary>Submits an applicant through intake and answers the client holding that applicant's own token.</summary>
    public async Task<HttpClient> SubmitApplicantAsync(object profile)
    {
        var response = await Anonymous().PostAsJsonAsync("/applicants", profile);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CaseCreatedBody>();
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created!.Token);
        return client;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _folder.Dispose();
    }

    private sealed record CaseCreatedBody(string CaseId, string Token, long Version);
}

[CollectionDefinition(Name)]
public sealed class ApiSiloCollection : ICollectionFixture<ApiSilo>
{
    public const string Name = "api silo";
}
