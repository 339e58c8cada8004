using Orleans;

namespace Cases.Domain.Subsidies;

/// <summary>A start-up grant the programme committed to an enterprise, and whether it has been paid.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.StartupGrantCommitment")]
public sealed record StartupGrantCommitment(long AmountCny, DateOnly AwardedOn, bool Paid);
