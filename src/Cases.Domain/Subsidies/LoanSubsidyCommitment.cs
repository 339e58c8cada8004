namespace Cases.Domain.Subsidies;

/// <summary>A loan interest subsidy the programme committed, and how much of it has been paid.</summary>
public sealed record LoanSubsidyCommitment(string EnterpriseKey, string LoanReference, long CommittedCny, long PaidCny);
