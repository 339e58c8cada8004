using System.Text.Json;
using System.Text.RegularExpressions;
using Cases.Silo.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Client.Tests;

/// <summary>README's walkthrough, run exactly as written (placeholders substituted as README says) against a real silo on an empty store.</summary>
public sealed class WalkthroughTests : IAsyncLifetime
{
    private readonly TempFolder _store = new();
    private readonly TempFolder _work = new();
    private RunningSilo _silo = null!;

    public Task InitializeAsync()
    {
        _silo = RunningSilo.Start(_store.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        _store.Dispose();
        _work.Dispose();
    }

    [Fact]
    public void ReadmeHasAWalkthroughOfCasesCommandsWithoutTheLinkToSharedDesign()
    {
        var readme = File.ReadAllText(Path.Combine(ReadmeWalkthrough.RepositoryRoot(), "README.md"));

        Assert.True(ReadmeWalkthrough.Commands(readme).Count >= 20);
        Assert.DoesNotContain("../shared/DESIGN.md", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project silo/Cases.Silo\n", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Cases.sln\n", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryWalkthroughCommandExitsZeroAndEndsWithAnApprovedPermitAUnitAPaidGrantAndIntactChains()
    {
        var root = ReadmeWalkthrough.RepositoryRoot();
        var commands = ReadmeWalkthrough.Commands(await File.ReadAllTextAsync(Path.Combine(root, "README.md")));
        var city = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var placeholders = new Dictionary<string, string>
        {
            ["<admin-token>"] = _silo.Services.GetRequiredService<TokenService>().Issue(Roles.Admin, "dev", TimeSpan.FromHours(1)),
            ["<year>"] = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, city).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var transcript = new List<string>();
        foreach (var line in commands)
        {
            var args = line.Select(a => Substitute(a, placeholders, root)).ToArray();
            var run = await CliRun.RunAsync([.. args, "--url", _silo.Address.ToString()]);
            transcript.Add($"$ cases {string.Join(' ', line)}\n{run}");
            Assert.True(run.ExitCode == ExitCodes.Success, string.Join("\n", transcript));
            Assert.True(run.Error.Length == 0, $"stderr of a successful command: {run.Error}");
            Learn(args, run.Output, placeholders);
        }

        var officer = placeholders["<officer-token>"];
        var applicant = await ShowJsonAsync("applicant/P-110105199001011234", placeholders["<applicant-token>"]);
        Assert.Equal("Approved", applicant.GetProperty("state").GetProperty("permit").GetProperty("status").GetString());
        var housing = await ShowJsonAsync("housing/P-110105199001011234", officer, "--reason", "walkthrough test");
        Assert.Equal("hd-101", housing.GetProperty("state").GetProperty("unitId").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", housing.GetProperty("state").GetProperty("rentalSubsidyFrom").GetString());
        var programme = await ShowJsonAsync($"subsidy-program/startup-{placeholders["<year>"]}", officer);
        var grant = programme.GetProperty("state").GetProperty("grants").GetProperty("E-aurora");
        Assert.Equal(100_000, grant.GetProperty("amountCny").GetInt64());
        Assert.True(grant.GetProperty("paid").GetBoolean());
        var enterprise = await ShowJsonAsync("enterprise/E-aurora", officer);
        Assert.Equal("zgc-01", enterprise.GetProperty("state").GetProperty("currentParkKey").GetString());
        var verified = await CliRun.RunAsync(["verify", "--token", placeholders["<auditor-token>"], "--url", _silo.Address.ToString()]);
        Assert.Equal(ExitCodes.Success, verified.ExitCode);
        Assert.Contains("intact", verified.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_work.Path, "applicant.csv")));
    }

    // Placeholders README names, examples/ against the repository root, and --out files into a temporary folder.
    private string Substitute(string arg, Dictionary<string, string> placeholders, string root)
    {
        var text = Regex.Replace(arg, "<[a-z-]+>", m => placeholders.TryGetValue(m.Value, out var value)
            ? value
            : throw new InvalidOperationException($"README walkthrough uses {m.Value} before any line printed it."));
        if (text.StartsWith("examples/", StringComparison.Ordinal))
            return Path.Combine(root, text);
        return text.EndsWith(".csv", StringComparison.Ordinal) || text.EndsWith(".jsonl", StringComparison.Ordinal) ? Path.Combine(_work.Path, text) : text;
    }

    // `cases token issue --role R` prints <R-token>; `cases submit` prints <applicant-token> in its token row.
    private static void Learn(string[] args, string output, Dictionary<string, string> placeholders)
    {
        if (args is ["token", "issue", ..])
            placeholders[$"<{args[Array.IndexOf(args, "--role") + 1]}-token>"] = output.Trim();
        if (args is ["submit", ..])
            placeholders["<applicant-token>"] = Regex.Match(output, @"^token\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
    }

    private async Task<JsonElement> ShowJsonAsync(string stream, string token, params string[] extra)
    {
        var run = await CliRun.RunAsync(["show", stream, "--output", "json", "--token", token, .. extra, "--url", _silo.Address.ToString()]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }
}
