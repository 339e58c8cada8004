using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite;

/// <summary>A few open connections to one database file, each opened once with the durability and busy-wait pragmas, handed out one caller at a time.</summary>
internal sealed class SqliteConnectionPool(string databasePath, TimeSpan busyTimeout, int maxIdle) : IDisposable
{
    private readonly ConcurrentQueue<SqliteConnection> _idle = new();
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        // This pool keeps the connections, so the pragmas below are set once per connection, not on every open.
        Pooling = false,
        DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
    }.ToString();
    private volatile bool _disposed;

    /// <summary>An idle connection, or a newly opened one.</summary>
    public async Task<SqliteConnection> RentAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var idle))
            return idle;
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            // FULL: a write is on disk before its caller hears of it (a read model acknowledges deliveries only after that).
            pragmas.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds};");
            await pragmas.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Takes a connection back; one beyond the idle limit, a broken one, or any after disposal is closed.</summary>
    public void Return(SqliteConnection connection)
    {
        if (_disposed || connection.State != System.Data.ConnectionState.Open || _idle.Count >= maxIdle)
        {
            connection.Dispose();
            return;
        }
        _idle.Enqueue(connection);
        // Disposal may have drained the queue between the check and the enqueue.
        if (_disposed)
            CloseIdle();
    }

    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryDequeue(out var connection))
            connection.Dispose();
    }
}
