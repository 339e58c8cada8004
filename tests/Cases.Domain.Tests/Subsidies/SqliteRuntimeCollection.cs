namespace Cases.Domain.Tests.Subsidies;

/// <summary>The tests that share one SQLite-backed runtime; each uses its own grain keys.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteRuntimeCollection : ICollectionFixture<SqliteRuntimeFixture>
{
    public const string Name = "domain-sqlite-runtime";
}
