using Cases.Runtime.Cluster;
using Cases.Runtime.Storage;
using Npgsql;

namespace Cases.Storage.Postgres;

/// <summary>The cluster's membership table in the shared PostgreSQL (DESIGN.md "Cluster"): one row per silo with its last heartbeat.</summary>
/// <remarks>Heartbeats are stamped with the server's clock and read back as ages, so silos with skewed clocks still agree on who is silent.</remarks>
public sealed class PostgresMembershipTable : IMembershipTable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;
    private readonly TimeProvider _time;

    public PostgresMembershipTable(string connectionString, string schema = "cases", TimeProvider? time = null)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _table = $"{new PostgresSchema(schema).Name}.silos";
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Creates the table if missing.</summary>
    public Task InitializeAsync(CancellationToken ct = default) => ExecuteAsync(
        $"CREATE SCHEMA IF NOT EXISTS {_table.Split('.')[0]}; " +
        $"CREATE TABLE IF NOT EXISTS {_table} (silo_id text PRIMARY KEY, address text NOT NULL, started_at timestamptz NOT NULL, heartbeat_at timestamptz NOT NULL)",
        [], ct);

    public Task JoinAsync(SiloInfo silo, CancellationToken ct = default) => ExecuteAsync(
        $"INSERT INTO {_table} (silo_id, address, started_at, heartbeat_at) VALUES ($1, $2, $3, now()) " +
        "ON CONFLICT (silo_id) DO UPDATE SET address = excluded.address, started_at = excluded.started_at, heartbeat_at = now()",
        [silo.SiloId, silo.Address.ToString(), silo.StartedAt], ct);

    public Task HeartbeatAsync(string siloId, DateTimeOffset at, CancellationToken ct = default) =>
        ExecuteAsync($"UPDATE {_table} SET heartbeat_at = now() WHERE silo_id = $1", [siloId], ct);

    public Task LeaveAsync(string siloId, CancellationToken ct = default) =>
        ExecuteAsync($"DELETE FROM {_table} WHERE silo_id = $1", [siloId], ct);

    public async Task<IReadOnlyList<SiloInfo>> ReadAsync(CancellationToken ct = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(
                $"SELECT silo_id, address, started_at, EXTRACT(EPOCH FROM (now() - heartbeat_at))::float8 FROM {_table}");
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var silos = new List<SiloInfo>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                silos.Add(new SiloInfo(reader.GetString(0), new Uri(reader.GetString(1)), reader.GetFieldValue<DateTimeOffset>(2),
                    now - TimeSpan.FromSeconds(reader.GetDouble(3))));
            }
            return silos;
        }
        catch (NpgsqlException e)
        {
            throw new StoreUnavailableException($"PostgreSQL membership table: cannot read: {e.Message}", e);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task ExecuteAsync(string sql, object[] parameters, CancellationToken ct)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(sql);
            foreach (var value in parameters)
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw new StoreUnavailableException($"PostgreSQL membership table: {e.Message}", e);
        }
    }
}
