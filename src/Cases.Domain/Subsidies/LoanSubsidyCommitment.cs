using Orleans;

namespace Cases.Domain.Subsidies;

/// <summary>A loan interest subsidy the programme committed, and how much of it has been paid.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanSubsidyCommitment")]
public sealed record LoanSubsidyCommitment(string EnterpriseKey, string LoanReference, long CommittedCny, long PaidCny)
{
    /// <summary>What is committed and not yet paid.</summary>
    public long RemainingCny => CommittedCny - PaidCny;

    /// <summary>Whether the whole commitment has been paid.</summary>
    public bool FullyPaid => PaidCny == CommittedCny;
}
