using Cases.Journal.Storage;
using Cases.Storage.Conformance;
using Cases.Storage.Postgres.Tests.Support;
using Npgsql;

namespace Cases.Storage.Postgres.Tests;

[Collection(PostgresServerCollection.Name)]
public sealed class PostgresConformanceTests(PostgresServerFixture fixture) : EventStoreConformance, IAsyncLifetime
{
    private const string Schema = "conformance";
    private PostgresEventStore _store = null!;

    protected override IEventStore Store => _store;

    public async Task InitializeAsync() => _store = await fixture.StoreAsync(Schema);

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task TamperPayloadAsync(string streamId, long version, string payload, byte[]? hash = null)
    {
        await using var connection = new NpgsqlConnection(fixture.Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"UPDATE {Schema}.events SET payload = $1, hash = COALESCE($4, hash) WHERE stream_id = $2 AND version = $3", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea, Value = (object?)hash ?? DBNull.Value });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
