using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Storage.Postgres.Tests.Support;
using static Cases.Storage.Conformance.Appends;

namespace Cases.Storage.Postgres.Tests;

/// <summary>Several store instances on one database, as several silos of a cluster have.</summary>
[Collection(PostgresServerCollection.Name)]
public sealed class PostgresClusterTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task AReaderFollowingTheLogWhileTwoSilosWriteSeesEveryPositionOnceWithoutGaps()
    {
        var schema = $"silos_{Guid.NewGuid():N}";
        await using var a = await fixture.OpenAsync(schema);
        await using var b = await fixture.OpenAsync(schema);
        var streams = Enumerable.Range(0, 20).Select(_ => NewStream()).ToArray();
        var seen = new List<StoredEvent>();
        var writing = true;

        var follower = Task.Run(async () =>
        {
            // Reads "after the last position seen", as the stream dispatcher does; a later commit below that position would be lost.
            for (var done = false; !done;)
            {
                done = !Volatile.Read(ref writing);
                await foreach (var e in a.ReadAllAsync(seen.Count + 1))
                {
                    Assert.Equal(seen.Count + 1, e.Position);
                    seen.Add(e);
                }
            }
        });
        await Task.WhenAll(Enumerable.Range(0, 400).Select(i => AppendUntilCommittedAsync(i % 2 == 0 ? a : b, streams[i % streams.Length], $"c{i}")));
        Volatile.Write(ref writing, false);
        await follower;

        Assert.Equal(400, seen.Count);
        Assert.Equal(400, seen.Select(e => (e.StreamId, e.CommandId)).Distinct().Count());
        foreach (var stream in streams)
            Assert.True((await ChainVerifier.VerifyStreamAsync(b, stream)).IsIntact);
    }

    [Fact]
    public async Task ASiloLearnsOfAnotherSilosAppendBeforeItsNextAppend()
    {
        var schema = $"heads_{Guid.NewGuid():N}";
        await using var a = await fixture.OpenAsync(schema);
        await using var b = await fixture.OpenAsync(schema);
        var stream = NewStream();
        await a.AppendAsync(Request(stream, 0, Command("by-a")));
        await b.AppendAsync(Request(stream, 1, Command("by-b")));

        var stale = await a.AppendAsync(Request(stream, 1, Command("a-stale")));
        var current = await a.AppendAsync(Request(stream, 2, Command("a-current")));

        Assert.Equal(new AppendResult.Conflict(2), stale);
        Assert.Equal(3, Assert.IsType<AppendResult.Committed>(current).Version);
        var verdict = await ChainVerifier.VerifyStreamAsync(b, stream);
        Assert.True(verdict.IsIntact, verdict.ToString());
        Assert.Equal(["by-a", "by-b", "a-current"], await a.ReadStreamAsync(stream, 1, long.MaxValue).Select(e => e.CommandId).ToListAsync());
    }

    [Fact]
    public async Task TwoSilosRacingForOneVersionCommitOneAndTheRetriedCommandOnce()
    {
        var schema = $"race_{Guid.NewGuid():N}";
        await using var a = await fixture.OpenAsync(schema);
        await using var b = await fixture.OpenAsync(schema);
        var stream = NewStream();

        var race = await Task.WhenAll(a.AppendAsync(Request(stream, 0, Command("from-a"))), b.AppendAsync(Request(stream, 0, Command("from-b"))));
        var retry = await Task.WhenAll(a.AppendAsync(Request(stream, 1, Command("same", events: 2))), b.AppendAsync(Request(stream, 1, Command("same", events: 2))));
        var again = await b.AppendAsync(Request(stream, 3, Command("same")));

        Assert.Single(race, r => r is AppendResult.Committed);
        Assert.Single(race, r => r == new AppendResult.Conflict(1));
        Assert.Single(retry, r => r is AppendResult.Committed { Version: 3 });
        Assert.Single(retry, r => r == new AppendResult.Conflict(3));
        var duplicate = Assert.IsType<AppendResult.Duplicate>(again).Outcomes.Single();
        Assert.Equal((2L, 3L), (duplicate.FirstVersion, duplicate.LastVersion));
        Assert.Equal(3, (await a.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync()).Count);
    }

    private static async Task AppendUntilCommittedAsync(IEventStore store, string stream, string commandId)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var head = (await store.LoadStartAsync(stream)).Version;
            if (await store.AppendAsync(Request(stream, head, Command(commandId))) is AppendResult.Committed)
                return;
        }
        Assert.Fail($"{commandId} never won its race");
    }
}
