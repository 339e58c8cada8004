using Azure;
using Azure.Data.Tables;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Storage.Azure.Tests.Support;
using static Cases.Storage.Conformance.Appends;

namespace Cases.Storage.Azure.Tests;

/// <summary>Several store instances on one table, as several silos have: each transaction is fenced by the log head's ETag.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureFencingTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task AWriterWithAStaleViewOfTheLogIsRefusedAndCommitsAfterTheOtherWriter()
    {
        var table = NewTable();
        await using var a = await fixture.OpenAsync(table);
        await using var b = await fixture.OpenAsync(table);
        var (mine, theirs) = (NewStream(), NewStream());
        await a.AppendAsync(Request(mine, 0, Command("a1")));
        var written = new List<StoredEvent>();
        for (var v = 0; v < 5; v++)
            written.AddRange(Committed(await b.AppendAsync(Request(theirs, 3 * v, Command($"b{v}", events: 3)))));

        // A still holds the log head it saw after its own append: its next transaction names positions B has taken.
        var late = Committed(await a.AppendAsync(Request(mine, 1, Command("a2")))).Single();

        Assert.True(a.WriteTotals.Refused >= 1, "the stale writer's transaction was not refused");
        Assert.Equal(written.Max(e => e.Position) + 1, late.Position);
        var log = await a.ReadAllAsync(1).ToListAsync();
        Assert.Equal(Enumerable.Range(1, log.Count).Select(p => (long)p), log.Select(e => e.Position));
        Assert.Empty(await ChainVerifier.VerifyAllAsync(b));
    }

    [Fact]
    public async Task ATransactionOnAStaleLogHeadETagWritesNothing()
    {
        var table = NewTable();
        await using var store = await fixture.OpenAsync(table);
        await store.AppendAsync(Request(NewStream(), 0, Command("c1")));
        var client = new TableServiceClient(fixture.Server.ConnectionString).GetTableClient(table);
        var stale = (await client.GetEntityAsync<TableEntity>(TableKeys.Log, TableKeys.LogHead)).Value;
        await store.AppendAsync(Request(NewStream(), 0, Command("c2")));

        // What a writer paused since reading the head would send: a new chunk, and the head on the ETag it read.
        var ghost = new TableEntity(TableKeys.Log, TableKeys.Chunk(1_000)) { ["Stream"] = "ghost" };
        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => client.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, ghost),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity(TableKeys.Log, TableKeys.LogHead) { ["LastPosition"] = 1_000L }, stale.ETag)]));

        Assert.Equal(412, error.Status);
        Assert.False((await client.GetEntityIfExistsAsync<TableEntity>(TableKeys.Log, TableKeys.Chunk(1_000))).HasValue);
        Assert.Equal(2, (await client.GetEntityAsync<TableEntity>(TableKeys.Log, TableKeys.LogHead)).Value.GetInt64("LastPosition"));
    }

    [Fact]
    public async Task AReaderFollowingTheLogWhileTwoSilosWriteSeesEveryPositionOnceInOrder()
    {
        var table = NewTable();
        await using var a = await fixture.OpenAsync(table);
        await using var b = await fixture.OpenAsync(table);
        var streams = Enumerable.Range(0, 10).Select(_ => NewStream()).ToArray();
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
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => AppendUntilCommittedAsync(i % 2 == 0 ? a : b, streams[i % streams.Length], $"c{i}")));
        Volatile.Write(ref writing, false);
        await follower;

        Assert.Equal(200, seen.Count);
        Assert.Equal(200, seen.Select(e => (e.StreamId, e.CommandId)).Distinct().Count());
        Assert.Empty(await ChainVerifier.VerifyAllAsync(b));
    }

    [Fact]
    public async Task TwoSilosRacingForOneVersionCommitOneAndTheRetriedCommandOnce()
    {
        var table = NewTable();
        await using var a = await fixture.OpenAsync(table);
        await using var b = await fixture.OpenAsync(table);
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

    [Fact]
    public async Task ManyAppendsQueuedTogetherShareTransactions()
    {
        var table = NewTable();
        await using var store = await fixture.OpenAsync(table);

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => store.AppendAsync(Request(NewStream(), 0, Command($"c{i}")))));

        var (transactions, writes, _) = store.WriteTotals;
        Assert.Equal(300, writes);
        Assert.True(transactions < 300, $"{transactions} transactions for 300 appends: no group commit");
        Assert.Equal(300, await store.ReadAllAsync(1).CountAsync());
    }

    private static string NewTable() => $"t{Guid.NewGuid():N}";

    private static IReadOnlyList<StoredEvent> Committed(AppendResult result) =>
        Assert.IsType<AppendResult.Committed>(result).EventsByCommand.SelectMany(e => e).ToList();

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
