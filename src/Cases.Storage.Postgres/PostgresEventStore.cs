using System.Runtime.CompilerServices;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Npgsql;

namespace Cases.Storage.Postgres;

/// <summary>The production event store: PostgreSQL shared by every silo, written by one group-committing writer per instance, read by pooled connections.</summary>
/// <remarks>Writers of all instances serialize on one advisory lock per schema, which keeps the global position gap-free in commit order
/// (see <see cref="PostgresWriter"/>). Commits are durable: the writer never runs with <c>synchronous_commit = off</c>.</remarks>
public sealed class PostgresEventStore : IEventStore
{
    // ReadLog's columns: the event columns, then the head of the log.
    private const int ReadLogHeadColumn = 14;

    private readonly PostgresStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly PostgresSchema _schema;
    private readonly PostgresStatements _sql;
    private readonly NpgsqlDataSource _dataSource;
    private readonly StoreErrors _errors;
    private PostgresWriter? _writer;

    public PostgresEventStore(PostgresStoreOptions options, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options));
        _options = options;
        _time = time ?? TimeProvider.System;
        _schema = new PostgresSchema(options.Schema);
        _sql = new PostgresStatements(_schema);
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        // The same few statements run all day: let Npgsql prepare them unless the connection string says otherwise.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        builder.ConnectionStringBuilder.ApplicationName ??= "cases";
        // The store changes no session state on pooled connections, so returning one to the pool need not reset it.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        _dataSource = builder.Build();
        _errors = new StoreErrors(_dataSource);
    }

    /// <summary>The schema holding this store's tables.</summary>
    public string Schema => _schema.Name;

    /// <summary>Transactions committed and writes they carried since this store opened.</summary>
    public (long Transactions, long Writes) WriteTotals => _writer?.Totals ?? (0, 0);

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (_writer is not null)
            return;
        await _errors.GuardAsync("create the schema", () => PostgresMigrations.ApplyAsync(_dataSource, _schema, ct)).ConfigureAwait(false);
        _writer = new PostgresWriter(_dataSource, _errors, _schema, _options.MaxBatchSize, _time);
    }

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken ct = default)
    {
        if (request.Commands.Count > 1 && request.Commands.DistinctBy(c => c.CommandId, StringComparer.Ordinal).Count() != request.Commands.Count)
            throw new ArgumentException("An append names the same command id twice.", nameof(request));
        var op = new AppendOp(request);
        Writer.Enqueue(op);
        return op.Completion.Task.WaitAsync(ct);
    }

    public IAsyncEnumerable<StoredEvent> ReadStreamAsync(string streamId, long fromVersion, long toVersion, CancellationToken ct = default) =>
        ReadEventsAsync(_sql.ReadStream, [streamId, fromVersion, toVersion], ct);

    public IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, CancellationToken ct = default) =>
        ReadEventsAsync(_sql.ReadAll, [fromPosition], ct);

    public Task<LogPage> ReadLogAsync(long afterPosition, IReadOnlyCollection<string> eventTypes, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentNullException.ThrowIfNull(eventTypes);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _errors.GuardAsync("read the log", async () =>
        {
            await using var command = PositionalCommand.On(_dataSource, _sql.ReadLog, [afterPosition, eventTypes.ToArray(), limit]);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var events = new List<StoredEvent>(Math.Min(limit, 256));
            var head = afterPosition;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                head = Math.Max(afterPosition, reader.GetInt64(ReadLogHeadColumn));
                if (!reader.IsDBNull(0))
                    events.Add(PostgresRows.Event(reader));
            }
            return new LogPage(events, events.Count == limit ? events[^1].Position : head);
        });
    }

    public Task<StoredCommandOutcome?> FindCommandAsync(string streamId, string commandId, CancellationToken ct = default) =>
        QueryAsync(_sql.FindCommand, [commandId, streamId], r => r is null ? null : PostgresRows.Outcome(streamId, commandId, r), ct);

    public Task<StreamStart> LoadStartAsync(string streamId, CancellationToken ct = default) =>
        QueryAsync(_sql.LoadStart, [streamId], r => new StreamStart(
            r!.IsDBNull(0) ? null : PostgresRows.Snapshot(streamId, r),
            r.IsDBNull(4) ? 0 : r.GetInt64(4)), ct);

    public Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken ct = default)
    {
        var op = new SnapshotOp(snapshot);
        Writer.Enqueue(op);
        return op.Completion.Task.WaitAsync(ct);
    }

    public Task<long> LoadCheckpointAsync(string name, CancellationToken ct = default) =>
        QueryAsync(_sql.LoadCheckpoint, [name], r => r?.GetInt64(0) ?? 0, ct);

    public Task SaveCheckpointAsync(string name, long position, CancellationToken ct = default)
    {
        var op = new CheckpointOp(name, position);
        Writer.Enqueue(op);
        return op.Completion.Task.WaitAsync(ct);
    }

    public async Task CheckHealthAsync(CancellationToken ct = default)
    {
        if (Writer.Fault is { } fault)
            throw new StoreUnavailableException($"The PostgreSQL writer stopped: {fault.Message}", fault);
        await QueryAsync(_sql.Health, [], _ => 0, ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
            await _writer.DisposeAsync().ConfigureAwait(false);
        _writer = null;
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    // Before InitializeAsync succeeds the store is as good as down: callers get the retryable failure, not a programming error.
    private PostgresWriter Writer => _writer ?? throw new StoreUnavailableException($"The PostgreSQL store (schema {_schema.Name}) is not open.");

    // Maps the first row (or null when there is none) on a pooled connection, which goes back to the pool when the reader closes.
    private Task<T> QueryAsync<T>(string sql, object?[] parameters, Func<NpgsqlDataReader?, T> map, CancellationToken ct) =>
        _errors.GuardAsync("read", async () =>
        {
            await using var command = PositionalCommand.On(_dataSource, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return map(await reader.ReadAsync(ct).ConfigureAwait(false) ? reader : null);
        });

    private async IAsyncEnumerable<StoredEvent> ReadEventsAsync(string sql, object?[] parameters, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = PositionalCommand.On(_dataSource, sql, parameters);
        await using var reader = await _errors.GuardAsync("read events", () => command.ExecuteReaderAsync(ct)).ConfigureAwait(false);
        while (await _errors.GuardAsync("read events", () => reader.ReadAsync(ct)).ConfigureAwait(false))
            yield return PostgresRows.Event(reader);
    }
}
