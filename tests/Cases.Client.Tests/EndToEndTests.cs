using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cases.Silo.Auth;

namespace Cases.Client.Tests;

/// <summary>The real silo process driven by the real `cases` binary: intake, a permit approval, and its housing effects found by tracing the decision.</summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AnApprovedPermitOpensAHousingCaseWithAUnitAndSubsidyEligibilityThatTraceShows()
    {
        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(60));
        try
        {
            await RunAsync(silo);
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            // The silo's own log is what explains a failure of the process under test.
            throw new Xunit.Sdk.XunitException($"{e.Message}\n--- silo log ---\n{silo.Log}");
        }
    }

    private async Task RunAsync(SiloProcess silo)
    {
        var tokens = new TokenService(silo.SigningKey, TimeProvider.System);
        using var admin = Client(silo, tokens.Issue(Roles.Admin, "root", TimeSpan.FromHours(1)));
        var officer = await IssueAsync(admin, Roles.Officer, "wang");
        var auditor = await IssueAsync(admin, Roles.Auditor, "sun");
        var id = TestProfiles.NewId();
        var profile = Path.Combine(_folder.Path, "profile.json");
        await File.WriteAllTextAsync(profile, JsonSerializer.Serialize(TestProfiles.Eligible(id, "chaoyang")));

        var submitted = await CasesProcess.RunAsync(silo.Address, "submit", profile);
        Assert.True(submitted.ExitCode == ExitCodes.Success, submitted.ToString());
        Assert.Matches($@"case\s+{id}", submitted.Output);
        var applicantToken = submitted.Output.Split('\n').Single(l => l.StartsWith("token", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        (await admin.PostAsJsonAsync("housing-offices/chaoyang/units", new { unitIds = new[] { "cy-101", "cy-102" } })).EnsureSuccessStatusCode();
        using var applicant = Client(silo, applicantToken);
        (await applicant.PostAsJsonAsync($"applicants/{id}/recognition", new { applicationId = "rec-1" })).EnsureSuccessStatusCode();
        (await applicant.PostAsJsonAsync($"applicants/{id}/permits", new { permitId = "permit-1", employerReference = "Acme HR letter" })).EnsureSuccessStatusCode();

        var decided = await CasesProcess.RunAsync(silo.Address, "decide", id, "permit-1", "approve", "--reason", "employer letter verified", "--token", officer);
        Assert.True(decided.ExitCode == ExitCodes.Success, decided.ToString());
        Assert.Contains("PermitApproved", decided.Output, StringComparison.Ordinal);

        var timeline = await CasesProcess.RunAsync(silo.Address, "timeline", $"applicant/{id}", "--json", "--reason", "end-to-end audit", "--token", auditor);
        Assert.True(timeline.ExitCode == ExitCodes.Success, timeline.ToString());
        var approval = timeline.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("type").GetString() == "PermitApproved")
            .GetProperty("eventId").GetString()!;

        CasesProcess trace = null!;
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            trace = await CasesProcess.RunAsync(silo.Address, "trace", approval, "--reason", "why was housing allocated", "--token", auditor);
            if (trace.Output.Contains("RentalSubsidyEligibilityOpened", StringComparison.Ordinal) && trace.Output.Contains("TransitionalHousingAllocated", StringComparison.Ordinal))
                break;
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < until);

        Assert.True(trace.ExitCode == ExitCodes.Success, trace.ToString());
        Assert.Matches($@"effect\s*│\s*1\s*│\s*housing/{id}\s*│.*HousingCaseOpened", trace.Output);
        Assert.Matches(@"effect\s*│\s*1\s*│\s*housing-office/chaoyang\s*│.*TransitionalUnitAllocated", trace.Output);
        Assert.Matches($@"effect\s*│\s*2\s*│\s*housing/{id}\s*│.*TransitionalHousingAllocated.*cy-10[12]", trace.Output);
        Assert.Matches($@"effect\s*│\s*\d\s*│\s*housing/{id}\s*│.*RentalSubsidyEligibilityOpened", trace.Output);

        var housing = await CasesProcess.RunAsync(silo.Address, "show", $"housing/{id}", "--reason", "end-to-end audit", "--token", officer);
        Assert.True(housing.ExitCode == ExitCodes.Success, housing.ToString());
        Assert.Matches("\"unitId\": \"cy-10[12]\"", housing.Output);
        Assert.Matches("\"rentalSubsidyFrom\": \"\\d{4}-\\d{2}-\\d{2}\"", housing.Output);

        var verified = await CasesProcess.RunAsync(silo.Address, "verify", "--token", auditor);
        Assert.True(verified.ExitCode == ExitCodes.Success, verified.ToString());
    }

    private static HttpClient Client(SiloProcess silo, string token)
    {
        var client = new HttpClient { BaseAddress = silo.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // Staff tokens come from the silo itself, as an admin would get them.
    private static async Task<string> IssueAsync(HttpClient admin, string role, string subject)
    {
        var response = await admin.PostAsJsonAsync("auth/tokens", new { role, subject, validForHours = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
