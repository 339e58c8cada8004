using Cases.Domain;
using Cases.Domain.Subsidies;
using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Cases.Grains.Tests.Support.ProgrammeSteps;

namespace Cases.Grains.Tests.Streams;

public sealed class RejectedDeliveryLogTests
{
    [Fact]
    public async Task ARejectedDeliveryIsLoggedWithItsGrainCommandAndCode()
    {
        using var db = new TempDatabase();
        var logs = new CapturedLogs();
        var settings = new ClusterSettings { Silo = silo => silo.Services.AddSingleton<ILoggerProvider>(logs) };
        await using var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), settings, ownsStore: true);
        var programme = silo.Grain<ISubsidyProgramGrain>(Programme.StartupProgrammeKey(2026));
        await Expect(programme.Execute(new OpenProgramme(2026, 1_000_000), As("officer:zhao")));

        // The award's delivery reaches an enterprise that was never registered, which rejects it.
        await Expect(programme.Execute(new RequestStartupGrant("E-unregistered"), As("officer:zhao")));

        await GrainsCluster.Eventually(() => Task.FromResult(logs.Entries.Any(e =>
            e.GetValueOrDefault("Grain") == "enterprise/E-unregistered" &&
            e.GetValueOrDefault("Command") == "RecordGrantDecision" &&
            e.GetValueOrDefault("Code") == "not-registered")), "the rejected delivery is logged");
    }
}
