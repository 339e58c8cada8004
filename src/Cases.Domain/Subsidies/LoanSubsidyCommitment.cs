using Orleans;

namespace Cases.Domain.Subsidies;

/// <summary>A loan interest subsidy the programme committed, and how much of it has been paid.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanSubsidyCommitment")]
public sealed record LoanSubsidyCommitment(string EnterpriseKey, string LoanReference, long CommittedCny, long PaidCny);
