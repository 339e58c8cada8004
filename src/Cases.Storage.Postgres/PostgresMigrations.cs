using Npgsql;

namespace Cases.Storage.Postgres;

/// <summary>Brings a schema up to date at start: creates it if missing and applies, once each, the migrations <c>schema_version</c> lacks.</summary>
/// <remarks>Runs in one transaction under the schema's migration lock, so silos starting together neither race nor see half a schema.</remarks>
internal static class PostgresMigrations
{
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, PostgresSchema schema, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var (lockClass, lockKey) = schema.MigrationLock;
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1, $2)", ct, lockClass, lockKey).ConfigureAwait(false);
        // CREATE SCHEMA needs the CREATE privilege on the database even when the schema exists; a DBA may have made it for us.
        if (await ScalarAsync(connection, "SELECT NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", ct, schema.Name).ConfigureAwait(false) is true)
            await ExecuteAsync(connection, $"CREATE SCHEMA {schema.Name}", ct).ConfigureAwait(false);
        await ExecuteAsync(connection, schema.CreateSchemaVersion, ct).ConfigureAwait(false);
        var applied = (int)(await ScalarAsync(connection, $"SELECT COALESCE(MAX(version), 0) FROM {schema.Name}.schema_version", ct).ConfigureAwait(false))!;
        foreach (var (version, description, sql) in schema.Migrations.Where(m => m.Version > applied))
        {
            await ExecuteAsync(connection, sql, ct).ConfigureAwait(false);
            await ExecuteAsync(connection, $"INSERT INTO {schema.Name}.schema_version (version, description) VALUES ($1, $2)", ct, version, description)
                .ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = PositionalCommand.On(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = PositionalCommand.On(connection, sql, parameters);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }
}
