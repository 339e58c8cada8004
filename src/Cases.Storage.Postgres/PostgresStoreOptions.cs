namespace Cases.Storage.Postgres;

/// <summary>Where the PostgreSQL store lives and how many appends one transaction may carry.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Database=cases;Username=cases;Password=…</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The PostgreSQL schema holding the store's tables; created if missing. Lower-case letters, digits and underscores.</summary>
    public string Schema { get; set; } = "cases";

    /// <summary>The most writes (appends, snapshots, checkpoints) gathered into one transaction.</summary>
    public int MaxBatchSize { get; set; } = 1024;
}
