using Orleans;

namespace Cases.Domain.Subsidies;

/// <summary>A start-up grant request that reached the programme before it was opened, held in review order until the opening decides it.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.WaitingGrantRequest")]
public sealed record WaitingGrantRequest(string EnterpriseKey, DateOnly RequestedOn);
