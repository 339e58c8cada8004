using Cases.Silo.Tests.Api;

namespace Cases.Silo.Tests.WebConsole;

/// <summary>A silo of its own for the console's reads, so the work queue holds only these tests' applications.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleSiloCollection : ICollectionFixture<ApiSilo>
{
    public const string Name = "console silo";
}
