namespace Cases.Storage.Postgres.Clustering;

/// <summary>Where the Orleans membership table lives: the database and the schema shared with the event store.</summary>
public sealed class PostgresClusteringOptions
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Database=cases;Username=cases;Password=…</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The PostgreSQL schema holding the membership tables; created by the migrations if missing. Lower-case letters, digits and underscores.</summary>
    public string Schema { get; set; } = "cases";
}
