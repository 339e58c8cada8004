using System.Diagnostics;
using Azure.Data.Tables;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Storage.Azure;
using Cases.Storage.Azure.Tests.Support;

namespace Cases.Benchmarks;

/// <summary>A private Azurite for one benchmark run; each store or reference gets a fresh table of it.</summary>
/// <remarks>Azurite is one Node.js process keeping tables in memory: its ceiling says nothing about a storage account's (see README).</remarks>
internal sealed class AzureBenchDatabase(AzuriteServer server) : IBenchBackend, IAsyncDisposable
{
    public string Label => "azure storage on azurite";

    public static async Task<AzureBenchDatabase> StartAsync() => new(await AzuriteServer.StartAsync());

    public async Task<IEventStore> OpenStoreAsync(string name)
    {
        var store = new AzureEventStore(new AzureStoreOptions { ConnectionString = server.ConnectionString, TableName = Table(name) });
        await store.InitializeAsync();
        return store;
    }

    // Orleans' Azure Table grain storage, as the silo uses on Azure, in a table of this store's own.
    public void AddGrainStorage(ISiloBuilder silo, string name) =>
        silo.AddAzureTableGrainStorageAsDefault(options =>
        {
            options.TableServiceClient = new TableServiceClient(server.ConnectionString);
            options.TableName = Table(name) + "grainstate";
        });

    public (long Transactions, long Writes) WriteTotals(IEventStore store)
    {
        var (transactions, writes, _) = ((AzureEventStore)store).WriteTotals;
        return (transactions, writes);
    }

    // One entity per event with the envelope as properties, `batch` entities per entity-group transaction (at most 100), one after another.
    public async Task<TimeSpan> RawInsertAsync(string name, IReadOnlyList<StoredEvent> rows, int batch)
    {
        var table = new TableServiceClient(server.ConnectionString).GetTableClient(Table(name));
        await table.CreateIfNotExistsAsync();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in rows.Chunk(Math.Min(batch, 100)))
        {
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("raw", e.Position.ToString("D19", System.Globalization.CultureInfo.InvariantCulture))
            {
                ["Stream"] = e.StreamId, ["Version"] = e.Version, ["EventId"] = e.EventId, ["EventType"] = e.EventType, ["SchemaVersion"] = e.SchemaVersion,
                ["Payload"] = e.Payload, ["OccurredAt"] = e.OccurredAt.UtcTicks, ["RecordedAt"] = e.RecordedAt.UtcTicks, ["Actor"] = e.Actor,
                ["CommandId"] = e.CommandId, ["CausationId"] = e.CausationId, ["CorrelationId"] = e.CorrelationId, ["Hash"] = e.Hash,
            })));
        }
        return clock.Elapsed;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    // "runtime.db" → benchruntime: the SQLite file names double as table names (letters and digits only).
    private static string Table(string name) => "bench" + Path.GetFileNameWithoutExtension(name);
}
