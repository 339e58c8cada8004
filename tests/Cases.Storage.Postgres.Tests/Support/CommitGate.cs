using Npgsql;

namespace Cases.Storage.Postgres.Tests.Support;

/// <summary>Deferred triggers on a store's tables that act at COMMIT on rows named by prefix: "hold/" waits for the test, "fail/" fails as a broken disk, "sync/" records synchronous_commit.</summary>
/// <remarks>Npgsql has no seam inside a commit; PostgreSQL's own deferred constraint triggers run inside COMMIT, just before it makes the transaction durable.</remarks>
public sealed class CommitGate(string connectionString, string schema)
{
    private const long HoldLock = 4242;

    /// <summary>Creates (or replaces) the triggers on the schema's events, snapshots and checkpoints tables, and the table of recorded settings.</summary>
    public async Task InstallAsync()
    {
        var sql = $"""
            CREATE TABLE IF NOT EXISTS {schema}.commit_settings (name text PRIMARY KEY, synchronous_commit text NOT NULL);
            CREATE OR REPLACE FUNCTION {schema}.commit_gate() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE row_name text := coalesce(to_jsonb(NEW) ->> 'stream_id', to_jsonb(NEW) ->> 'name');
            BEGIN
                IF row_name LIKE 'hold/%' THEN PERFORM pg_advisory_xact_lock({HoldLock}); END IF;
                IF row_name LIKE 'fail/%' THEN RAISE EXCEPTION 'could not write the WAL (test)' USING ERRCODE = '58030'; END IF;
                IF row_name LIKE 'sync/%' THEN
                    INSERT INTO {schema}.commit_settings VALUES (row_name, current_setting('synchronous_commit')) ON CONFLICT DO NOTHING;
                END IF;
                RETURN NULL;
            END $$;
            """;
        foreach (var table in new[] { "events", "snapshots", "checkpoints" })
        {
            sql += $"""
                DROP TRIGGER IF EXISTS commit_gate ON {schema}.{table};
                CREATE CONSTRAINT TRIGGER commit_gate AFTER INSERT OR UPDATE ON {schema}.{table}
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {schema}.commit_gate();
                """;
        }
        await ExecuteAsync(sql);
    }

    /// <summary>Takes the lock every "hold/" commit waits for; disposing the answer releases it.</summary>
    public async Task<IAsyncDisposable> HoldAsync()
    {
        // Unpooled, so disposing ends the session, which releases its advisory locks.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({HoldLock})", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Whether a commit is waiting inside the gate (some session waits for the hold lock).</summary>
    public async Task<bool> IsHoldingACommitAsync() =>
        await ScalarAsync($"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = {HoldLock} AND objsubid = 1") is long and > 0;

    /// <summary>The synchronous_commit in force when the "sync/" row of that name was committed, or null.</summary>
    public async Task<string?> SynchronousCommitOfAsync(string name) =>
        await ScalarAsync($"SELECT synchronous_commit FROM {schema}.commit_settings WHERE name = '{name.Replace("'", "''", StringComparison.Ordinal)}'") as string;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
