using Cases.Domain.Housing;
using Cases.Runtime.Events;

namespace Cases.Domain.Tests.Streams;

public sealed class ExactlyOnceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-once-").FullName;

    private string Database => Path.Combine(_folder, "cases.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RedeliveringEveryStreamEventAgainChangesNothing()
    {
        string[] applicants = ["P-1", "P-2", "P-3"];
        await using (var silo = await ProgrammeSilo.StartAsync(Database))
        {
            await silo.Office("haidian").ExecuteAsync(new AddTransitionalUnits(["HD-1", "HD-2"]), ProgrammeSilo.As("admin:root"));
            foreach (var key in applicants)
                await silo.ApprovePermitAsync(key);
            await silo.RevokePermitAsync("P-1", "left the city");
            await ProgrammeSilo.Eventually(async () => (await silo.Housing("P-3").GetStateAsync()).State.UnitId is not null, "P-3 gets P-1's unit");
        }
        var before = await SnapshotAsync(applicants);

        // A dispatcher with a fresh checkpoint delivers every event of the log a second time, then a third.
        foreach (var replay in new[] { "replay-1", "replay-2" })
        {
            await using var silo = await ProgrammeSilo.StartAsync(Database, checkpoint: replay);
            var head = (await silo.Store.ReadAllAsync(1).ToListAsync())[^1].Position;
            await silo.Dispatcher!.WhenDeliveredAsync(head).WaitAsync(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(before, await SnapshotAsync(applicants));
    }

    [Fact]
    public async Task ARuntimeStoppedBetweenAnAppendAndItsDeliveryLeavesEveryEffectToItsSuccessorExactlyOnce()
    {
        await using (var silo = await ProgrammeSilo.StartAsync(Database, deliver: false))
        {
            await silo.Office("haidian").ExecuteAsync(new AddTransitionalUnits(["HD-1"]), ProgrammeSilo.As("admin:root"));
            await silo.ApprovePermitAsync("P-1");
            Assert.Empty(await silo.StreamAsync("housing/P-1")); // appended, never delivered
        }

        await using (var successor = await ProgrammeSilo.StartAsync(Database))
            await ProgrammeSilo.Eventually(async () => (await successor.Housing("P-1").GetStateAsync()).State.UnitId is not null, "the successor delivers");
        await using (var third = await ProgrammeSilo.StartAsync(Database))
        {
            var head = (await third.Store.ReadAllAsync(1).ToListAsync())[^1].Position;
            await third.Dispatcher!.WhenDeliveredAsync(head).WaitAsync(TimeSpan.FromSeconds(20));
        }

        var housing = await ReadAsync("housing/P-1");
        Assert.Equal([nameof(HousingCaseOpened), nameof(RentalSubsidyEligibilityOpened), nameof(TransitionalHousingAllocated)], housing.Select(e => e.EventType));
        Assert.Single(await ReadAsync("housing-office/haidian"), e => e.EventType == nameof(TransitionalUnitAllocated));
    }

    // Every stream the programme touched, as (stream, event count, last hash): any repeated effect changes it.
    private async Task<string> SnapshotAsync(IEnumerable<string> applicants)
    {
        var streams = applicants.SelectMany(a => new[] { $"applicant/{a}", $"housing/{a}" }).Append("housing-office/haidian");
        var parts = new List<string>();
        foreach (var stream in streams)
        {
            var events = await ReadAsync(stream);
            parts.Add($"{stream}:{events.Count}:{Convert.ToHexString(events[^1].Hash)}");
        }
        return string.Join("|", parts);
    }

    private async Task<List<StoredEvent>> ReadAsync(string stream)
    {
        await using var store = new Storage.Sqlite.SqliteEventStore(new Storage.Sqlite.SqliteStoreOptions { DatabasePath = Database });
        await store.InitializeAsync();
        return await store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync();
    }
}
