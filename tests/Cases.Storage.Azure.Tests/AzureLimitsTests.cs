using System.Security.Cryptography;
using Azure.Data.Tables;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Storage.Azure.Tests.Support;
using static Cases.Storage.Conformance.Appends;

namespace Cases.Storage.Azure.Tests;

/// <summary>Appends near the real service's limits: a property holds 64 KiB, an entity 1 MiB, a transaction 100 entities and 4 MiB.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureLimitsTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private AzureEventStore _store = null!;

    public async Task InitializeAsync() => _store = await fixture.StoreAsync("limits");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnAppendLargerThanOneEntityIsSplitIntoChunksThatReadBackAsOneChainedStream()
    {
        var stream = NewStream();
        // 24 events of about 48 KiB that deflate poorly: well over one chunk's 14 × 64 KiB.
        var events = Enumerable.Range(0, 24).Select(_ => Event("big", $$"""{"blob":"{{Noise(36 * 1024)}}"}""")).ToList();

        var first = Assert.IsType<AppendResult.Committed>(await _store.AppendAsync(new AppendRequest(stream, 0, [new CommandAppend("big", events, null)])));
        var second = Assert.IsType<AppendResult.Committed>(await _store.AppendAsync(Request(stream, 24, Command("after"))));

        var read = await _store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync();
        var middle = await _store.ReadStreamAsync(stream, 12, 14).ToListAsync();
        var fromLog = await _store.ReadAllAsync(first.EventsByCommand[0][0].Position).Where(e => e.StreamId == stream).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 25).Select(v => (long)v), read.Select(e => e.Version));
        Assert.Equal(events.Select(e => e.Payload), read.Take(24).Select(e => e.Payload));
        Assert.Equal([12L, 13L, 14L], middle.Select(e => e.Version));
        Assert.Equal(read.Select(e => e.Position), fromLog.Select(e => e.Position));
        Assert.Equal(25, second.Version);
        Assert.True((await ChainVerifier.VerifyStreamAsync(_store, stream)).IsIntact);
        Assert.True(await IndexRowsAsync(stream) >= 3, "the large append was not split into chunks");
    }

    [Fact]
    public async Task AnAppendThatNoTransactionCanHoldIsRefusedAndWritesNothing()
    {
        var stream = NewStream();
        // About 6 MiB that deflates poorly: more than one transaction's 4 MiB.
        var events = Enumerable.Range(0, 80).Select(_ => Event("huge", $$"""{"blob":"{{Noise(60 * 1024)}}"}""")).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => _store.AppendAsync(new AppendRequest(stream, 0, [new CommandAppend("huge", events, null)])));

        Assert.Equal(0, (await _store.LoadStartAsync(stream)).Version);
        Assert.Null(await _store.FindCommandAsync(stream, "huge"));
        Assert.IsType<AppendResult.Committed>(await _store.AppendAsync(Request(stream, 0, Command("small"))));
    }

    private Task<int> IndexRowsAsync(string stream) =>
        new TableServiceClient(fixture.Server.ConnectionString).GetTableClient("limits")
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Log} and RowKey ge {TableKeys.StreamPrefix(stream)} and RowKey lt {TableKeys.StreamEnd(stream)}"))
            .CountAsync().AsTask();

    // Base64 of random bytes: JSON-safe text that deflate cannot shrink much.
    private static string Noise(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes * 3 / 4));
}
