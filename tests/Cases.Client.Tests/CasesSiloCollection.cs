namespace Cases.Client.Tests;

/// <summary>The command tests that share one <see cref="CasesSilo"/>; each uses its own ids.</summary>
[CollectionDefinition(Name)]
public sealed class CasesSiloCollection : ICollectionFixture<CasesSilo>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "cases silo";
}
