using Cases.Journal.Storage;
using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite;

/// <summary>Orleans grain state in a SQLite file of its own (WAL, synchronous FULL), so it never contends with the journal's single writer.</summary>
/// <remarks>Writes of this process queue on one gate instead of busy-waiting on SQLite's file lock; reads run beside them (WAL).
/// Every write stores a fresh ETag; a conditional write reads and replaces the row in one IMMEDIATE transaction.</remarks>
public sealed class SqliteGrainStateTable : IGrainStateTable, IAsyncDisposable
{
    /// <summary>The file's name beside the journal's <c>cases.db</c>.</summary>
    public const string FileName = "grain-state.db";

    private const int MaxIdleConnections = 8;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT    NOT NULL,
            grain_id   TEXT    NOT NULL,
            etag       TEXT    NOT NULL,
            state      BLOB    NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_id)
        ) WITHOUT ROWID;
        """;

    private readonly SqliteConnectionPool _connections;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly TimeProvider _time;

    /// <summary>A table over the file at <paramref name="databasePath"/>; nothing is opened until <see cref="InitializeAsync"/>.</summary>
    public SqliteGrainStateTable(string databasePath, TimeSpan? busyTimeout = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _time = time ?? TimeProvider.System;
        _connections = new SqliteConnectionPool(DatabasePath, busyTimeout ?? TimeSpan.FromSeconds(30), MaxIdleConnections);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The grain state file beside a journal database file (<see cref="FileName"/> in the same folder).</summary>
    public static string BesideJournal(string journalPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(journalPath))!, FileName);

    public Task InitializeAsync(CancellationToken ct = default)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"SQLite grain state at {DatabasePath}: cannot create its folder: {e.Message}", e);
        }
        return WithConnectionAsync("open", async connection =>
        {
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct).ConfigureAwait(false);
            await ExecuteAsync(connection, CreateTable, ct).ConfigureAwait(false);
            return true;
        }, ct);
    }

    public Task<GrainStateRow?> ReadAsync(string grainType, string grainId, CancellationToken ct = default) =>
        WithConnectionAsync("read", async connection =>
        {
            await using var command = Command(connection, "SELECT state, etag FROM grain_state WHERE grain_type = $t AND grain_id = $i", grainType, grainId);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false)
                ? new GrainStateRow(reader.GetFieldValue<byte[]>(0), reader.GetString(1))
                : null;
        }, ct);

    public Task<string> WriteAsync(string grainType, string grainId, string? expectedETag, ReadOnlyMemory<byte> state, CancellationToken ct = default) =>
        WriteLockedAsync("write", grainType, grainId, expectedETag, async (connection, tx) =>
        {
            var etag = Guid.CreateVersion7(_time.GetUtcNow()).ToString("N");
            var sql = expectedETag is null
                ? "INSERT INTO grain_state (grain_type, grain_id, etag, state, updated_at) VALUES ($t, $i, $e, $s, $u)"
                : "UPDATE grain_state SET etag = $e, state = $s, updated_at = $u WHERE grain_type = $t AND grain_id = $i";
            await using var command = Command(connection, sql, grainType, grainId);
            command.Transaction = tx;
            command.Parameters.AddWithValue("$e", etag);
            command.Parameters.AddWithValue("$s", state.ToArray());
            command.Parameters.AddWithValue("$u", _time.GetUtcNow().UtcTicks);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return etag;
        }, ct);

    public Task ClearAsync(string grainType, string grainId, string? expectedETag, CancellationToken ct = default) =>
        WriteLockedAsync("clear", grainType, grainId, expectedETag, async (connection, tx) =>
        {
            await using var command = Command(connection, "DELETE FROM grain_state WHERE grain_type = $t AND grain_id = $i", grainType, grainId);
            command.Transaction = tx;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return "";
        }, ct);

    public ValueTask DisposeAsync()
    {
        // The gate is left undisposed: a writer still leaving it must be able to release it; it holds no wait handle.
        _connections.Dispose();
        return ValueTask.CompletedTask;
    }

    // The stored ETag is read and the row changed under one IMMEDIATE transaction, so no other writer comes between the check and the change.
    private async Task<string> WriteLockedAsync(string doing, string grainType, string grainId, string? expectedETag,
        Func<SqliteConnection, SqliteTransaction, Task<string>> change, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await WithConnectionAsync(doing, async connection =>
            {
                using var tx = connection.BeginTransaction(deferred: false);
                var actual = await StoredETagAsync(connection, tx, grainType, grainId, ct).ConfigureAwait(false);
                if (!string.Equals(actual, expectedETag, StringComparison.Ordinal))
                    throw new GrainStateConflictException(grainType, grainId, expectedETag, actual);
                var result = await change(connection, tx).ConfigureAwait(false);
                tx.Commit();
                return result;
            }, ct).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static async Task<string?> StoredETagAsync(SqliteConnection connection, SqliteTransaction tx, string grainType, string grainId, CancellationToken ct)
    {
        await using var command = Command(connection, "SELECT etag FROM grain_state WHERE grain_type = $t AND grain_id = $i", grainType, grainId);
        command.Transaction = tx;
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    // SQLite's failures (a full disk, a locked or unreadable file) become the journal's retryable StoreUnavailableException.
    private async Task<T> WithConnectionAsync<T>(string doing, Func<SqliteConnection, Task<T>> action, CancellationToken ct)
    {
        SqliteConnection? connection = null;
        try
        {
            connection = await _connections.RentAsync(ct).ConfigureAwait(false);
            return await action(connection).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"SQLite grain state at {DatabasePath}: cannot {doing}: {e.Message}", e);
        }
        finally
        {
            if (connection is not null)
                _connections.Return(connection);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string grainType, string grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$t", grainType);
        command.Parameters.AddWithValue("$i", grainId);
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
