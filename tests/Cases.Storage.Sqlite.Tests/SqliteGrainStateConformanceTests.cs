using Cases.Journal.Storage;
using Cases.Storage.Conformance;

namespace Cases.Storage.Sqlite.Tests;

public sealed class SqliteGrainStateConformanceTests(SqliteGrainStateFixture fixture) : GrainStateTableConformance, IClassFixture<SqliteGrainStateFixture>
{
    protected override IGrainStateTable Table => fixture.Table;
}
