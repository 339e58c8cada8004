namespace Cases.Silo.Tests.Api;

/// <summary>A silo of its own for the loan requests that wait, so this year's programme is still unopened when its tests start.</summary>
[CollectionDefinition(Name)]
public sealed class WaitingLoansSiloCollection : ICollectionFixture<ApiSilo>
{
    public const string Name = "waiting loans silo";
}
