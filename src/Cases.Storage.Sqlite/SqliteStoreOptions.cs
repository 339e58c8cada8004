using Microsoft.Win32.SafeHandles;

namespace Cases.Storage.Sqlite;

/// <summary>Where the SQLite store lives and how durable its commits are.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file; its folder is created if missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "cases.db");

    /// <summary>SQLite's synchronous setting; FULL makes every acknowledged commit survive power loss (the WAL is flushed before any caller is answered).</summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>Flushes the WAL file to disk under FULL; callers are answered after it returns, and its <see cref="IOException"/> fails them. Tests replace it.</summary>
    public Action<SafeFileHandle> FlushWal { get; set; } = RandomAccess.FlushToDisk;

    /// <summary>The most appends gathered into one transaction.</summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>The writer's page cache; the stream index of a busy store must stay in memory for appends to stay cheap.</summary>
    public int WriterCacheKiB { get; set; } = 64 * 1024;

    /// <summary>How long a write waits for another process holding the database's write lock.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The values of SQLite's <c>PRAGMA synchronous</c>.</summary>
public enum SqliteSynchronous
{
    Off = 0,
    Normal = 1,
    Full = 2,
    Extra = 3,
}
