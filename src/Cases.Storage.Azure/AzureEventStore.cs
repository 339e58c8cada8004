using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Cases.Journal.Events;
using Cases.Journal.Storage;

namespace Cases.Storage.Azure;

/// <summary>The event store on Azure Storage Tables: one log partition written by fenced group-committing writers, read by queries.</summary>
/// <remarks>See <see cref="TableKeys"/> for the layout and <see cref="AzureWriter"/> for how writers of several silos stay in one order.
/// A write is acknowledged once the service answered its transaction, which Azure Storage makes durable before answering.</remarks>
public sealed class AzureEventStore : IEventStore
{
    private readonly AzureStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly TableClient _table;
    private AzureWriter? _writer;

    public AzureEventStore(AzureStoreOptions options, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options));
        _options = options;
        _time = time ?? TimeProvider.System;
        var client = new TableClientOptions();
        client.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        _table = new TableServiceClient(options.ConnectionString, client).GetTableClient(options.TableName);
    }

    /// <summary>The table holding this store's journal.</summary>
    public string TableName => _table.Name;

    /// <summary>Transactions committed, appends they carried, and transactions refused because another writer committed first.</summary>
    public (long Transactions, long Writes, long Refused) WriteTotals => _writer?.Totals ?? (0, 0, 0);

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (_writer is not null)
            return;
        await AzureErrors.GuardAsync("create the table", () => _table.CreateIfNotExistsAsync(ct)).ConfigureAwait(false);
        _writer = new AzureWriter(_table, _options, _time);
    }

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken ct = default)
    {
        if (request.Commands.Count > 1 && request.Commands.DistinctBy(c => c.CommandId, StringComparer.Ordinal).Count() != request.Commands.Count)
            throw new ArgumentException("An append names the same command id twice.", nameof(request));
        var op = new AppendOp(request);
        Writer.Enqueue(op);
        return op.Completion.Task.WaitAsync(ct);
    }

    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(string streamId, long fromVersion, long toVersion, [EnumeratorCancellation] CancellationToken ct = default)
    {
        // Index rows come newest first; read down to the chunk that holds fromVersion, then read those chunks oldest first.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Log} and RowKey ge {TableKeys.StreamPrefix(streamId)} and RowKey lt {TableKeys.StreamEnd(streamId)}");
        var chunks = new List<(long First, long LastPosition)>();
        await foreach (var row in Guard(_table.QueryAsync<TableEntity>(filter, select: ["FirstVersion", "LastPosition"], cancellationToken: ct), ct).ConfigureAwait(false))
        {
            chunks.Add((row.GetInt64("FirstVersion")!.Value, row.GetInt64("LastPosition")!.Value));
            if (chunks[^1].First <= fromVersion)
                break;
        }
        chunks.Reverse();
        foreach (var (first, lastPosition) in chunks)
        {
            if (first > toVersion)
                break;
            var chunk = await AzureErrors.GuardAsync("read events", () => _table.GetEntityAsync<TableEntity>(TableKeys.Log, TableKeys.Chunk(lastPosition), cancellationToken: ct)).ConfigureAwait(false);
            foreach (var e in ChunkCodec.Decode(chunk.Value))
            {
                if (e.Version >= fromVersion && e.Version <= toVersion)
                    yield return e;
            }
        }
    }

    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, [EnumeratorCancellation] CancellationToken ct = default)
    {
        // Bounded by the head read first: every position up to it is committed, so the reader never meets a gap that fills later.
        var head = await ReadLastPositionAsync(ct).ConfigureAwait(false);
        await foreach (var e in ReadLogRangeAsync(Math.Max(fromPosition, 1), head, ct).ConfigureAwait(false))
            yield return e;
    }

    public async Task<LogPage> ReadLogAsync(long afterPosition, IReadOnlyCollection<string> eventTypes, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentNullException.ThrowIfNull(eventTypes);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var head = await ReadLastPositionAsync(ct).ConfigureAwait(false);
        if (head <= afterPosition || eventTypes.Count == 0)
            return new LogPage([], Math.Max(head, afterPosition));
        var types = eventTypes as IReadOnlySet<string> ?? eventTypes.ToHashSet(StringComparer.Ordinal);
        var events = new List<StoredEvent>(Math.Min(limit, 256));
        await foreach (var e in ReadLogRangeAsync(afterPosition + 1, head, ct).ConfigureAwait(false))
        {
            if (!types.Contains(e.EventType))
                continue;
            events.Add(e);
            if (events.Count == limit)
                return new LogPage(events, e.Position);
        }
        return new LogPage(events, head);
    }

    public Task<StoredCommandOutcome?> FindCommandAsync(string streamId, string commandId, CancellationToken ct = default) =>
        FindCommandAsync(_table, streamId, commandId, ct);

    public async Task<StreamStart> LoadStartAsync(string streamId, CancellationToken ct = default)
    {
        // Point reads first: a new stream (most activations at intake) has no first index row, and needs no range query.
        var snapshot = ReadSnapshotAsync(streamId, ct);
        var first = AzureErrors.GuardAsync("read a stream's head", () => _table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Log, TableKeys.StreamIndex(streamId, 1), select: ["LastVersion"], cancellationToken: ct));
        var (s, exists) = (await snapshot.ConfigureAwait(false), (await first.ConfigureAwait(false)).HasValue);
        // Read after the snapshot, the head is at least the snapshot's version.
        var version = exists ? (await ReadHeadAsync(_table, streamId, ct).ConfigureAwait(false)).Version : 0;
        if (s is not null && s.Version > version)
            version = (await ReadHeadAsync(_table, streamId, ct).ConfigureAwait(false)).Version;
        return new StreamStart(s, version);
    }

    public Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken ct = default) =>
        ConditionalWrites.SaveSnapshotAsync(_table, snapshot, ct);

    public async Task<long> LoadCheckpointAsync(string name, CancellationToken ct = default)
    {
        var row = await AzureErrors.GuardAsync("read a checkpoint",
            () => _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Checkpoints, TableKeys.Checkpoint(name), cancellationToken: ct)).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetInt64("Position")!.Value : 0;
    }

    public Task SaveCheckpointAsync(string name, long position, CancellationToken ct = default) =>
        ConditionalWrites.SaveCheckpointAsync(_table, name, position, _time.GetUtcNow(), ct);

    public async Task CheckHealthAsync(CancellationToken ct = default)
    {
        if (Writer.Fault is { } fault)
            throw new StoreUnavailableException($"The Azure Storage writer stopped: {fault.Message}", fault);
        await ReadLastPositionAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
            await _writer.DisposeAsync().ConfigureAwait(false);
        _writer = null;
    }

    /// <summary>A stream's version and last hash from its newest index row; version 0 and the genesis hash when it has no events.</summary>
    internal static async Task<(long Version, byte[] Hash)> ReadHeadAsync(TableClient table, string streamId, CancellationToken ct = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Log} and RowKey ge {TableKeys.StreamPrefix(streamId)} and RowKey lt {TableKeys.StreamEnd(streamId)}");
        await foreach (var row in Guard(table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["LastVersion", "Hash"], cancellationToken: ct), ct).ConfigureAwait(false))
            return (row.GetInt64("LastVersion")!.Value, row.GetBinary("Hash")!);
        return (0, EventHasher.Genesis.ToArray());
    }

    internal static async Task<StoredCommandOutcome?> FindCommandAsync(TableClient table, string streamId, string commandId, CancellationToken ct = default)
    {
        var row = await AzureErrors.GuardAsync("read a command",
            () => table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Log, TableKeys.Command(streamId, commandId), cancellationToken: ct)).ConfigureAwait(false);
        return row.HasValue ? AzureRows.Outcome(streamId, commandId, row.Value!) : null;
    }

    private async Task<Snapshot?> ReadSnapshotAsync(string streamId, CancellationToken ct)
    {
        var row = await AzureErrors.GuardAsync("read a snapshot",
            () => _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.SnapshotPartition(streamId), TableKeys.SnapshotRow, cancellationToken: ct)).ConfigureAwait(false);
        return row.HasValue ? AzureRows.Snapshot(streamId, row.Value!) : null;
    }

    private async Task<long> ReadLastPositionAsync(CancellationToken ct)
    {
        var row = await AzureErrors.GuardAsync("read the log head",
            () => _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Log, TableKeys.LogHead, select: ["LastPosition"], cancellationToken: ct)).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetInt64("LastPosition")!.Value : 0;
    }

    // Chunks are keyed by their last position, so the first one at or after `from` holds `from` (or starts after it).
    private async IAsyncEnumerable<StoredEvent> ReadLogRangeAsync(long from, long through, [EnumeratorCancellation] CancellationToken ct)
    {
        if (from > through)
            yield break;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Log} and RowKey ge {TableKeys.Chunk(from)} and RowKey le {TableKeys.Chunk(through)}");
        await foreach (var chunk in Guard(_table.QueryAsync<TableEntity>(filter, cancellationToken: ct), ct).ConfigureAwait(false))
        {
            foreach (var e in ChunkCodec.Decode(chunk))
            {
                if (e.Position > through)
                    yield break;
                if (e.Position >= from)
                    yield return e;
            }
        }
    }

    private static async IAsyncEnumerable<TableEntity> Guard(AsyncPageable<TableEntity> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var e = rows.GetAsyncEnumerator(ct);
        while (await AzureErrors.GuardAsync("query", async () => await e.MoveNextAsync().ConfigureAwait(false)).ConfigureAwait(false))
            yield return e.Current;
    }

    // Before InitializeAsync succeeds the store is as good as down: callers get the retryable failure, not a programming error.
    private AzureWriter Writer => _writer ?? throw new StoreUnavailableException($"The Azure Storage store (table {_table.Name}) is not open.");
}
