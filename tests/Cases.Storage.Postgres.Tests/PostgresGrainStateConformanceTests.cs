using Cases.Journal.Storage;
using Cases.Storage.Conformance;
using Cases.Storage.Postgres.Tests.Support;

namespace Cases.Storage.Postgres.Tests;

[Collection(PostgresServerCollection.Name)]
public sealed class PostgresGrainStateConformanceTests(PostgresServerFixture fixture) : GrainStateTableConformance, IAsyncLifetime
{
    private PostgresGrainStateTable _table = null!;

    protected override IGrainStateTable Table => _table;

    public async Task InitializeAsync() => _table = await fixture.OpenGrainStateAsync("grain_state_conformance");

    public async Task DisposeAsync() => await _table.DisposeAsync();
}
