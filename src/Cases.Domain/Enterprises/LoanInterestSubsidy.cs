using Orleans;

namespace Cases.Domain.Enterprises;

/// <summary>One loan interest subsidy of an enterprise: what was asked and, once known, what the programme decided.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidy")]
public sealed record LoanInterestSubsidy(LoanInterestSubsidyRequested Request, LoanInterestSubsidyDecided? Decision);
