using Cases.Storage.Postgres.Tests.Support;

namespace Cases.Storage.Postgres.Tests;

/// <summary>The PostgreSQL grain state table: a migration of the store's schema, shared by every silo's instance.</summary>
[Collection(PostgresServerCollection.Name)]
public sealed class PostgresGrainStateTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task TheTableBringsAFreshSchemaUpToDateOnItsOwnAndTheEventStoreStartsOnItAfterwards()
    {
        var schema = $"state_first_{Guid.NewGuid():N}";

        await using (var table = await fixture.OpenGrainStateAsync(schema))
            await table.WriteAsync("housing-view", "P-1", null, new byte[] { 1 });
        await using var store = await fixture.OpenAsync(schema);

        Assert.Equal(["1", "2", "3", "4"], await fixture.Server.QueryAsync($"SELECT version::text FROM {schema}.schema_version ORDER BY version"));
        Assert.Equal(["housing-view/P-1"], await fixture.Server.QueryAsync($"SELECT grain_type || '/' || grain_id FROM {schema}.grain_state"));
    }

    [Fact]
    public async Task AnotherSilosInstanceReadsTheStateAndConflictsOnAStaleETag()
    {
        var schema = $"two_silos_{Guid.NewGuid():N}";
        await using var first = await fixture.OpenGrainStateAsync(schema);
        await using var second = await fixture.OpenGrainStateAsync(schema);
        var etag = await first.WriteAsync("housing-view", "P-1", null, new byte[] { 1, 2 });

        var row = await second.ReadAsync("housing-view", "P-1");
        var newer = await second.WriteAsync("housing-view", "P-1", etag, new byte[] { 3 });

        Assert.Equal(new byte[] { 1, 2 }, row!.State);
        Assert.Equal(etag, row.ETag);
        var conflict = await Assert.ThrowsAsync<Cases.Journal.Storage.GrainStateConflictException>(() => first.WriteAsync("housing-view", "P-1", etag, new byte[] { 4 }));
        Assert.Equal(newer, conflict.Actual);
    }
}
