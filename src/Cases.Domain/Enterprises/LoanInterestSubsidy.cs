using Orleans;

namespace Cases.Domain.Enterprises;

/// <summary>One loan interest subsidy of an enterprise: what was asked, what the programme decided once known, and what it has paid.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidy")]
public sealed record LoanInterestSubsidy(LoanInterestSubsidyRequested Request, LoanInterestSubsidyDecided? Decision, long PaidCny = 0)
{
    /// <summary>What the programme committed; nothing until it commits.</summary>
    public long CommittedCny => Decision is { Committed: true } d ? d.AmountCny : 0;

    /// <summary>What is committed and not yet paid.</summary>
    public long RemainingCny => CommittedCny - PaidCny;

    /// <summary>Whether a commitment was made and has been paid whole.</summary>
    public bool FullyPaid => CommittedCny > 0 && PaidCny == CommittedCny;

    /// <summary>Where the subsidy stands: requested, refused, committed, partly-paid or paid.</summary>
    public string Status => Decision switch
    {
        null => "requested",
        { Committed: false } => "refused",
        _ when FullyPaid => "paid",
        _ when PaidCny > 0 => "partly-paid",
        _ => "committed",
    };
}
