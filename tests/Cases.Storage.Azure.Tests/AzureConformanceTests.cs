using Azure.Data.Tables;
using Cases.Journal.Storage;
using Cases.Storage.Azure.Tests.Support;
using Cases.Storage.Conformance;

namespace Cases.Storage.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzureConformanceTests(AzuriteFixture fixture) : EventStoreConformance, IAsyncLifetime
{
    private const string Table = "conformance";
    private AzureEventStore _store = null!;

    protected override IEventStore Store => _store;

    public async Task InitializeAsync() => _store = await fixture.StoreAsync(Table);

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task TamperPayloadAsync(string streamId, long version, string payload, byte[]? hash = null)
    {
        var table = new TableServiceClient(fixture.Server.ConnectionString).GetTableClient(Table);
        var stored = await _store.ReadStreamAsync(streamId, version, version).SingleAsync();
        // Chunks are keyed by their last position: the first at or after the event's position holds it.
        var chunk = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Log} and RowKey ge {TableKeys.Chunk(stored.Position)}"), maxPerPage: 1).FirstAsync();
        var events = ChunkCodec.Decode(chunk);
        var i = events.FindIndex(e => e.Version == version);
        events[i] = events[i] with { Payload = payload, Hash = hash ?? events[i].Hash };
        var (forged, _) = ChunkCodec.Encode(events);
        await table.UpdateEntityAsync(forged, chunk.ETag, TableUpdateMode.Replace);
    }
}
