using Cases.Storage.Postgres.Tests.Support;
using Npgsql;
using static Cases.Storage.Conformance.Appends;

namespace Cases.Storage.Postgres.Tests;

[Collection(PostgresServerCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task StartingCreatesTheTablesInTheConfiguredSchemaOnceAndRecordsTheMigration()
    {
        var schema = $"fresh_{Guid.NewGuid():N}";

        await using (var first = await fixture.OpenAsync(schema))
            await first.AppendAsync(Request(NewStream(), 0, Command("c1")));
        await using var second = await fixture.OpenAsync(schema);

        var tables = await fixture.Server.QueryAsync($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}' ORDER BY table_name");
        Assert.Equal(["checkpoints", "commands", "events", "grain_state", "orleans_membership", "orleans_membership_version", "schema_version", "snapshots"], tables);
        Assert.Equal(["1", "2", "3", "4"], await fixture.Server.QueryAsync($"SELECT version::text FROM {schema}.schema_version ORDER BY version"));
        Assert.Equal(["1"], await fixture.Server.QueryAsync($"SELECT count(*)::text FROM {schema}.events"));
    }

    [Fact]
    public async Task SilosStartingTogetherOnAnEmptySchemaAllStart()
    {
        var schema = $"together_{Guid.NewGuid():N}";

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.OpenAsync(schema)));

        Assert.Equal(["1", "2", "3", "4"], await fixture.Server.QueryAsync($"SELECT version::text FROM {schema}.schema_version ORDER BY version"));
        foreach (var store in stores)
            await store.DisposeAsync();
    }

    [Fact]
    public async Task ASchemaFromBeforeFingerprintsIsMigratedAndKeepsAnsweringItsOutcomes()
    {
        var schema = $"old_{Guid.NewGuid():N}";
        await (await fixture.OpenAsync(schema)).DisposeAsync();
        // Back to the schema as migration 2 left it, with an outcome recorded then.
        await fixture.Server.QueryAsync($"""
            ALTER TABLE {schema}.commands DROP COLUMN IF EXISTS fingerprint;
            DELETE FROM {schema}.schema_version WHERE version > 2;
            INSERT INTO {schema}.commands VALUES ('before', 'old/1', 0, 0, 'rule', 'Rule says no.', 638000000000000000);
            """);
        byte[] fingerprint = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

        await using var store = await fixture.OpenAsync(schema);
        var old = await store.FindCommandAsync("old/1", "before");
        await store.AppendAsync(Request("new/1", 0, Command("after") with { Fingerprint = fingerprint }));

        Assert.Equal(("rule", (byte[]?)null), (old!.Rejection!.Code, old.Fingerprint));
        Assert.Equal(fingerprint, (await store.FindCommandAsync("new/1", "after"))!.Fingerprint);
        var duplicate = Assert.IsType<Cases.Journal.Storage.AppendResult.Duplicate>(await store.AppendAsync(Request("old/1", 0, Command("before"))));
        Assert.Null(duplicate.Outcomes.Single().Fingerprint);
    }

    [Theory]
    [InlineData("Cases")]
    [InlineData("cases; DROP TABLE x")]
    [InlineData("1cases")]
    [InlineData("")]
    public void ASchemaNameThatIsNotAPlainLowerCaseIdentifierIsRefused(string schema)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new PostgresEventStore(new PostgresStoreOptions { ConnectionString = fixture.Server.ConnectionString, Schema = schema }));

        Assert.Contains("schema name", error.Message, StringComparison.Ordinal);
    }
}
