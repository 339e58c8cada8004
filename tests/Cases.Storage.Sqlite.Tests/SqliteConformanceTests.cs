using Cases.Journal.Storage;
using Cases.Storage.Conformance;
using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite.Tests;

[Collection(SqliteStoreCollection.Name)]
public sealed class SqliteConformanceTests(SqliteStoreFixture fixture) : EventStoreConformance
{
    protected override IEventStore Store => fixture.Store;

    protected override async Task TamperPayloadAsync(string streamId, long version, string payload, byte[]? hash = null)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE events SET payload = $p, hash = COALESCE($h, hash) WHERE stream_id = $s AND version = $v";
        command.Parameters.AddWithValue("$p", payload);
        command.Parameters.AddWithValue("$h", (object?)hash ?? DBNull.Value);
        command.Parameters.AddWithValue("$s", streamId);
        command.Parameters.AddWithValue("$v", version);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
