using Cases.Domain.Applicants;
using Cases.Domain.Rules;
using Cases.Grains.Tests.Support;

namespace Cases.Grains.Tests.ReadModels;

public sealed class ReadModelRestartTests
{
    [Fact]
    public async Task TheQueueKeepsWhatItWroteAcrossARestartAndCatchesUpOnWhatWasCommittedWhileNoSiloRan()
    {
        using var db = new TempDatabase();
        var (before, during, district) = ($"P-{Guid.NewGuid():N}", $"P-{Guid.NewGuid():N}", $"d-{Guid.NewGuid():N}");
        await using (var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true))
        {
            await silo.PendingPermitAsync(before, district);
            await GrainsCluster.Eventually(async () => (await silo.QueueOfAsync(district)).Count == 1, "the first application is queued");
        }
        var store = await db.OpenStoreAsync();
        // Committed while no silo runs (as by a silo that crashed before its queues read it): only the log knows it.
        var (type, schema, payload) = GrainsCluster.Programme.Applicants.Events.Serialize(
            new PermitApplied($"RWP-{during}", new DateOnly(2026, 3, 2), null, "employer-certificate-7", new Evaluation("2024.1", true, []), district));
        var appended = await store.AppendAsync($"applicant/{during}", 0, type, payload);
        Assert.Equal(1, schema);

        await using var restarted = await GrainsCluster.StartAsync(store, ownsStore: true);

        await GrainsCluster.Eventually(async () => (await restarted.QueueOfAsync(district)).Count == 2, "the restarted queue lists both");
        var queue = await restarted.QueueOfAsync(district);
        Assert.Equal([before, during], queue.Select(a => a.ApplicantKey));
        Assert.Equal(appended.Position, queue[1].Position);
    }
}
