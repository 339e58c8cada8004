namespace Cases.Client.Tests;

/// <summary>`cases health` against a real silo whose store cannot be opened.</summary>
public sealed class HealthAgainstAnUnhealthySiloTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task HealthExitsOneAndShowsTheFailingStoreWhenTheSiloIsUnhealthy()
    {
        // A file where the data folder should be, so the store cannot be created.
        var blocked = Path.Combine(_folder.Path, "data");
        await File.WriteAllTextAsync(blocked, "not a folder");
        await using var silo = RunningSilo.Start(blocked);

        var run = await CliRun.RunAsync(["health", "--url", silo.Address.ToString()]);

        Assert.Equal(ExitCodes.Unhealthy, run.ExitCode);
        Assert.Matches(@"store\s*│\s*Unhealthy\s*│\s*The store is not open", run.Output);
        Assert.Contains($"Silo {silo.Address} is Unhealthy", run.Output, StringComparison.Ordinal);
    }
}
