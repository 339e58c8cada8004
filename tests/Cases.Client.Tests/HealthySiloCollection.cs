namespace Cases.Client.Tests;

/// <summary>The tests that share one <see cref="HealthySiloFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class HealthySiloCollection : ICollectionFixture<HealthySiloFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "healthy silo";
}
