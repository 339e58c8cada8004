using System.Diagnostics;

namespace Cases.Client.Tests;

/// <summary>`cases health` against a real healthy silo over a socket.</summary>
[Collection(HealthySiloCollection.Name)]
public sealed class HealthAgainstARunningSiloTests(HealthySiloFixture fixture)
{
    [Fact]
    public async Task HealthPrintsTheStoreCheckAndExitsZeroWhenTheSiloIsHealthy()
    {
        var run = await CliRun.RunAsync(["health", "--url", fixture.Silo.Address.ToString()]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"store\s*│\s*Healthy", run.Output);
        Assert.Matches(@"runtime\s*│\s*Healthy", run.Output);
        Assert.Contains(fixture.DatabasePath, run.Output, StringComparison.Ordinal);
        Assert.Contains($"Silo {fixture.Silo.Address} is Healthy", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthTakesTheSiloAddressFromCasesUrl()
    {
        var environment = new Dictionary<string, string> { ["CASES_URL"] = fixture.Silo.Address.ToString() };

        var run = await CliRun.RunAsync(["health"], environment: environment);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"Silo {fixture.Silo.Address} is Healthy", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCasesExecutableExitsZeroAndPrintsTheStoreCheck()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "cases.dll"), "health", "--url", fixture.Silo.Address.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("CASES_URL");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == ExitCodes.Success, $"exit {process.ExitCode}: {await output}{await error}");
        Assert.Matches(@"store\s*│\s*Healthy", await output);
        Assert.DoesNotContain("\u001b[", await output, StringComparison.Ordinal);
    }
}
