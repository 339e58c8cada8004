using System.Globalization;
using System.Runtime.CompilerServices;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite;

/// <summary>The embedded event store: one SQLite file in WAL mode, written by a group-committing writer, read by pooled connections.</summary>
public sealed class SqliteEventStore : IEventStore
{
    private readonly SqliteStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly string _connectionString;
    private SqliteWriter? _writer;

    public SqliteEventStore(SqliteStoreOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(_options.DatabasePath);

    /// <summary>Transactions committed and writes they carried since this store opened.</summary>
    public (long Transactions, long Writes) WriteTotals => _writer?.Totals ?? (0, 0);

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (_writer is not null)
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct).ConfigureAwait(false);
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA synchronous = {(int)PragmaSynchronous}; PRAGMA busy_timeout = {(int)_options.BusyTimeout.TotalMilliseconds}; PRAGMA cache_size = -{_options.WriterCacheKiB};"), ct).ConfigureAwait(false);
            await ExecuteAsync(connection, SqliteSchema.Create, ct).ConfigureAwait(false);
            await UpgradeAsync(connection, ct).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreUnavailableException($"Cannot open the SQLite store at {DatabasePath}: {e.Message}", e);
        }
        var syncer = _options.Synchronous == SqliteSynchronous.Full ? new WalSyncer(DatabasePath, _options.FlushWal) : null;
        _writer = new SqliteWriter(connection, _options.MaxBatchSize, syncer, _time);
    }

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken ct = default)
    {
        if (request.Commands.Count > 1 && request.Commands.DistinctBy(c => c.CommandId, StringComparer.Ordinal).Count() != request.Commands.Count)
            throw new ArgumentException("An append names the same command id twice.", nameof(request));
        var op = new AppendOp(request);
        Writer.Enqueue(op);
        return op.Completion.Task.WaitAsync(ct);
    }

    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(string streamId, long fromVersion, long toVersion,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteSchema.EventColumns} FROM events WHERE stream_id = $s AND version >= $f AND version <= $t ORDER BY version";
        command.Parameters.AddWithValue("$s", streamId);
        command.Parameters.AddWithValue("$f", fromVersion);
        command.Parameters.AddWithValue("$t", toVersion);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            yield return SqliteRows.Event(reader);
    }

    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteSchema.EventColumns} FROM events WHERE position >= $p ORDER BY position";
        command.Parameters.AddWithValue("$p", fromPosition);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            yield return SqliteRows.Event(reader);
    }

    public Task<LogPage> ReadLogAsync(long afterPosition, IReadOnlyCollection<string> eventTypes, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentNullException.ThrowIfNull(eventTypes);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ReadLogPageAsync(afterPosition, eventTypes.Distinct(StringComparer.Ordinal).ToArray(), limit, ct);
    }

    public async Task<StoredCommandOutcome?> FindCommandAsync(string streamId, string commandId, CancellationToken ct = default)
    {
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteSchema.CommandColumns} FROM commands WHERE stream_id = $s AND command_id = $c";
        command.Parameters.AddWithValue("$s", streamId);
        command.Parameters.AddWithValue("$c", commandId);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? SqliteRows.Outcome(streamId, commandId, reader) : null;
    }

    public async Task<StreamStart> LoadStartAsync(string streamId, CancellationToken ct = default)
    {
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT s.version, s.state_schema, s.state, s.taken_at, (SELECT MAX(version) FROM events WHERE stream_id = $s) " +
            "FROM (SELECT $s AS stream_id) AS q LEFT JOIN snapshots AS s ON s.stream_id = q.stream_id";
        command.Parameters.AddWithValue("$s", streamId);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        var snapshot = reader.IsDBNull(0)
            ? null
            : new Snapshot(streamId, reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), SqliteRows.Time(reader.GetInt64(3)));
        return new StreamStart(snapshot, reader.IsDBNull(4) ? 0 : reader.GetInt64(4));
    }

    public Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken ct = default)
    {
        var op = new SnapshotOp(snapshot);
        Writer.Enqueue(op);
        return op.Completion.Task.WaitAsync(ct);
    }

    public async Task<long> LoadCheckpointAsync(string name, CancellationToken ct = default)
    {
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM checkpoints WHERE name = $n";
        command.Parameters.AddWithValue("$n", name);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long position ? position : 0;
    }

    public Task SaveCheckpointAsync(string name, long position, CancellationToken ct = default)
    {
        var op = new CheckpointOp(name, position);
        Writer.Enqueue(op);
        return op.Completion.Task.WaitAsync(ct);
    }

    public async Task CheckHealthAsync(CancellationToken ct = default)
    {
        if (Writer.Fault is { } fault)
            throw new StoreUnavailableException($"The SQLite writer stopped: {fault.Message}", fault);
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT 1 FROM events LIMIT 1", ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
            await _writer.DisposeAsync().ConfigureAwait(false);
        _writer = null;
    }

    // FULL is kept by syncing the WAL ourselves before answering (see WalSyncer), so SQLite itself need not sync inside COMMIT.
    private SqliteSynchronous PragmaSynchronous =>
        _options.Synchronous == SqliteSynchronous.Full ? SqliteSynchronous.Normal : _options.Synchronous;

    // Before InitializeAsync succeeds the store is as good as down: callers get the retryable failure, not a programming error.
    private SqliteWriter Writer => _writer ?? throw new StoreUnavailableException($"The SQLite store at {DatabasePath} is not open.");

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreUnavailableException($"Cannot read the SQLite store at {DatabasePath}: {e.Message}", e);
        }
    }

    // Head and page come from one read transaction (one WAL snapshot); the page is also bounded by the head, so it holds nothing the head does not cover.
    private async Task<LogPage> ReadLogPageAsync(long afterPosition, string[] eventTypes, int limit, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct).ConfigureAwait(false);
        try
        {
            // Deferred: a plain BEGIN takes no lock until the first read; BEGIN IMMEDIATE would take the write lock from the writer.
            using var tx = connection.BeginTransaction(deferred: true);
            var head = Math.Max(afterPosition, await LogHeadAsync(connection, ct).ConfigureAwait(false));
            var events = eventTypes.Length == 0 || head == afterPosition
                ? []
                : await ReadMatchingAsync(connection, afterPosition, head, eventTypes, limit, ct).ConfigureAwait(false);
            tx.Commit();
            return new LogPage(events, events.Count == limit ? events[^1].Position : head);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"Cannot read the SQLite store at {DatabasePath}: {e.Message}", e);
        }
    }

    // MAX over the rowid is one step to the B-tree's right edge, not a scan.
    private static async Task<long> LogHeadAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM events";
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    // Walks the rowid range (afterPosition, head] in order and tests each row's type in SQLite, so rows of other types never reach .NET.
    private static async Task<List<StoredEvent>> ReadMatchingAsync(
        SqliteConnection connection, long afterPosition, long head, string[] eventTypes, int limit, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        var names = eventTypes.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"$t{i}")).ToArray();
        command.CommandText =
            $"SELECT {SqliteSchema.EventColumns} FROM events WHERE position > $a AND position <= $h AND event_type IN ({string.Join(", ", names)}) ORDER BY position LIMIT $l";
        command.Parameters.AddWithValue("$a", afterPosition);
        command.Parameters.AddWithValue("$h", head);
        command.Parameters.AddWithValue("$l", limit);
        for (var i = 0; i < names.Length; i++)
            command.Parameters.AddWithValue(names[i], eventTypes[i]);
        var events = new List<StoredEvent>(Math.Min(limit, 256));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            events.Add(SqliteRows.Event(reader));
        return events;
    }

    // Brings a database written by an earlier version up to the current tables; the writer's connection is the only one writing yet.
    private static async Task UpgradeAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = SqliteSchema.HasFingerprints;
        if ((long)(await check.ExecuteScalarAsync(ct).ConfigureAwait(false))! == 0)
            await ExecuteAsync(connection, SqliteSchema.AddFingerprints, ct).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
