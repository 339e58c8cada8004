using Cases.Journal.Storage;
using Npgsql;

namespace Cases.Storage.Postgres;

/// <summary>Orleans grain state in the store's PostgreSQL schema: table <c>grain_state</c>, each write or clear one statement conditional on the ETag.</summary>
/// <remarks>Commits are durable (the server's synchronous_commit is never turned off here). A statement that matched no row reads the stored ETag
/// for the conflict; should that ETag be the expected one again (the row vanished or appeared in between), the statement is tried anew.</remarks>
public sealed class PostgresGrainStateTable : IGrainStateTable, IAsyncDisposable
{
    private const int MaxAttempts = 3;

    private readonly PostgresSchema _schema;
    private readonly NpgsqlDataSource _dataSource;
    private readonly StoreErrors _errors;
    private readonly TimeProvider _time;

    /// <summary>Validates the options and opens nothing yet; <see cref="InitializeAsync"/> brings the schema up to date.</summary>
    public PostgresGrainStateTable(PostgresStoreOptions options, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        _schema = new PostgresSchema(options.Schema);
        _time = time ?? TimeProvider.System;
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        // A DBA looking at pg_stat_activity tells grain state traffic from the event store's.
        builder.ConnectionStringBuilder.ApplicationName ??= "cases-grain-state";
        _dataSource = builder.Build();
        _errors = new StoreErrors(_dataSource);
    }

    /// <summary>The schema holding the table.</summary>
    public string Schema => _schema.Name;

    private string Table => $"{_schema.Name}.grain_state";

    // A silo may open its grain state before its event store: either one brings the schema up to date, under the same migration lock.
    public Task InitializeAsync(CancellationToken ct = default) =>
        _errors.GuardAsync("create the schema", () => PostgresMigrations.ApplyAsync(_dataSource, _schema, ct));

    public Task<GrainStateRow?> ReadAsync(string grainType, string grainId, CancellationToken ct = default) =>
        _errors.GuardAsync("read grain state", async () =>
        {
            await using var command = PositionalCommand.On(_dataSource, $"SELECT state, etag FROM {Table} WHERE grain_type = $1 AND grain_id = $2", [grainType, grainId]);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false)
                ? new GrainStateRow(reader.GetFieldValue<byte[]>(0), reader.GetString(1))
                : null;
        });

    public Task<string> WriteAsync(string grainType, string grainId, string? expectedETag, ReadOnlyMemory<byte> state, CancellationToken ct = default)
    {
        var bytes = state.ToArray();
        return ConditionallyAsync("write grain state", grainType, grainId, expectedETag, ct, async () =>
        {
            var etag = Guid.CreateVersion7(_time.GetUtcNow()).ToString("N");
            var now = _time.GetUtcNow().UtcTicks;
            var changed = expectedETag is null
                ? await ExecuteAsync($"INSERT INTO {Table} (grain_type, grain_id, etag, state, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (grain_type, grain_id) DO NOTHING",
                    [grainType, grainId, etag, bytes, now], ct).ConfigureAwait(false)
                : await ExecuteAsync($"UPDATE {Table} SET etag = $3, state = $4, updated_at = $5 WHERE grain_type = $1 AND grain_id = $2 AND etag = $6",
                    [grainType, grainId, etag, bytes, now, expectedETag], ct).ConfigureAwait(false);
            return changed == 1 ? etag : null;
        });
    }

    public Task ClearAsync(string grainType, string grainId, string? expectedETag, CancellationToken ct = default) =>
        ConditionallyAsync("clear grain state", grainType, grainId, expectedETag, ct, async () =>
        {
            // Clearing a grain that has no row, expecting none, has nothing to delete and succeeds when the row is indeed absent.
            if (expectedETag is null)
                return await StoredETagAsync(grainType, grainId, ct).ConfigureAwait(false) is null ? "" : null;
            var deleted = await ExecuteAsync($"DELETE FROM {Table} WHERE grain_type = $1 AND grain_id = $2 AND etag = $3",
                [grainType, grainId, expectedETag], ct).ConfigureAwait(false);
            return deleted == 1 ? "" : null;
        });

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // Runs the conditional statement (null: it matched no row); a mismatch becomes the conflict, with the ETag stored now.
    private Task<string> ConditionallyAsync(string doing, string grainType, string grainId, string? expectedETag, CancellationToken ct, Func<Task<string?>> statement) =>
        _errors.GuardAsync(doing, async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                if (await statement().ConfigureAwait(false) is { } result)
                    return result;
                var actual = await StoredETagAsync(grainType, grainId, ct).ConfigureAwait(false);
                if (!string.Equals(actual, expectedETag, StringComparison.Ordinal) || attempt == MaxAttempts)
                    throw new GrainStateConflictException(grainType, grainId, expectedETag, actual);
            }
        });

    private async Task<string?> StoredETagAsync(string grainType, string grainId, CancellationToken ct)
    {
        await using var command = PositionalCommand.On(_dataSource, $"SELECT etag FROM {Table} WHERE grain_type = $1 AND grain_id = $2", [grainType, grainId]);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    private async Task<int> ExecuteAsync(string sql, object?[] parameters, CancellationToken ct)
    {
        await using var command = PositionalCommand.On(_dataSource, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
