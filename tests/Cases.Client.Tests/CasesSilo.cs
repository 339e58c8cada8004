using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cases.Silo.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Client.Tests;

/// <summary>One real silo on a loopback socket shared by the command tests, with tokens for each role and helpers that prepare cases over HTTP.</summary>
public sealed class CasesSilo : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    /// <summary>The running silo.</summary>
    public RunningSilo Silo { get; private set; } = null!;

    /// <summary>The silo's address as the CLI's --url takes it.</summary>
    public string Url => Silo.Address.ToString();

    /// <summary>A token the silo accepts for the role and subject.</summary>
    public string Token(string role, string subject = "tester") =>
        Silo.Services.GetRequiredService<TokenService>().Issue(role, subject, TimeSpan.FromHours(1));

    /// <summary>An officer's token.</summary>
    public string Officer => Token(Roles.Officer, "wang");

    /// <summary>An auditor's token.</summary>
    public string Auditor => Token(Roles.Auditor, "sun");

    /// <summary>An HTTP client to the silo carrying the token, if any.</summary>
    public HttpClient Http(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Silo.Address };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Submits an eligible applicant, has them recognised and apply for a permit; returns the applicant's own token.</summary>
    public async Task<string> ApplicantWithPendingPermitAsync(string applicantId, string permitId, string district = "haidian")
    {
        using var anonymous = Http();
        var created = await anonymous.PostAsJsonAsync("applicants", TestProfiles.Eligible(applicantId, district));
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var applicant = Http(token);
        (await applicant.PostAsJsonAsync($"applicants/{applicantId}/recognition", new { applicationId = "rec-" + permitId })).EnsureSuccessStatusCode();
        (await applicant.PostAsJsonAsync($"applicants/{applicantId}/permits", new { permitId, employerReference = "Acme HR letter" })).EnsureSuccessStatusCode();
        return token;
    }

    /// <summary>Runs the CLI against this silo: --url is added to the arguments.</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync([.. args, "--url", Url]);

    public Task InitializeAsync()
    {
        Silo = RunningSilo.Start(_folder.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Silo.DisposeAsync();
        }
        finally
        {
            _folder.Dispose();
        }
    }
}
