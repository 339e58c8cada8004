using System.Collections.Immutable;
using Cases.Domain.Imports;
using Cases.Domain.Rules;
using Orleans;

namespace Cases.Domain.Enterprises;

/// <summary>An enterprise's registration, review, grant, park stay and pending park proposals, progress and subsidies; immutable and JSON-serializable.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EnterpriseState")]
public sealed record EnterpriseState(
    EnterpriseRegistered? Registration,
    EnterpriseReviewed? Review,
    StartupGrantRecorded? StartupGrant,
    string? CurrentParkKey,
    DateOnly? AdmittedOn,
    string? GraduatedFromParkKey,
    int FundingRounds,
    long FundingRaisedCny,
    int Patents,
    long? StaffCount,
    ImmutableDictionary<int, long> RevenueByYear,
    ImmutableDictionary<int, long> TaxPaidByYear,
    Evaluation? TalentIntroductionPreference,
    ImmutableDictionary<string, LoanInterestSubsidy> LoanInterestSubsidies,
    ImmutableDictionary<string, ParkAdmissionProposed> AdmissionProposals,
    ImportSource? ImportedFrom = null)
{
    /// <summary>The state of an enterprise not yet registered.</summary>
    public static EnterpriseState Empty { get; } = new(
        null, null, null, null, null, null, 0, 0, 0, null,
        ImmutableDictionary<int, long>.Empty,
        ImmutableDictionary<int, long>.Empty,
        null,
        ImmutableDictionary<string, LoanInterestSubsidy>.Empty,
        ImmutableDictionary<string, ParkAdmissionProposed>.Empty);

    public bool IsRegistered => Registration is not null;

    public bool PassedReview => Review is { Passed: true };
}
