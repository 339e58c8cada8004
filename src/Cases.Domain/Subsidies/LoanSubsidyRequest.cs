using Orleans;

namespace Cases.Domain.Subsidies;

/// <summary>An enterprise's loan interest subsidy request as it reached the programme; Eligibility is null while it waits for the opening.</summary>
/// <remarks>PassedReview is the enterprise's review as it stood when it asked (Art. 6 "those who have passed the review").</remarks>
[GenerateSerializer, Immutable]
[Alias("cases.LoanSubsidyRequest")]
public sealed record LoanSubsidyRequest(
    string EnterpriseKey,
    string LoanReference,
    long PrincipalCny,
    long InterestCny,
    int CoveragePercent,
    bool IpBacked,
    long RequestedAmountCny,
    DateOnly RequestedOn,
    bool PassedReview,
    Rules.Evaluation? Eligibility = null)
{
    /// <summary>The key of the loan in the programme: enterprise and loan reference together.</summary>
    public string Key => SubsidyProgramState.LoanKey(EnterpriseKey, LoanReference);
}
