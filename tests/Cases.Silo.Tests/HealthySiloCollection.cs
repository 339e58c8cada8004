namespace Cases.Silo.Tests;

/// <summary>The tests that share one <see cref="HealthySilo"/>.</summary>
[CollectionDefinition(Name)]
public sealed class HealthySiloCollection : ICollectionFixture<HealthySilo>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "healthy silo";
}
