using Cases.Domain.Rules;
using Orleans;

namespace Cases.Domain.Enterprises;

/// <summary>An event in an enterprise's timeline.</summary>
public interface IEnterpriseEvent;

/// <summary>The enterprise was registered by its returnee founders.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EnterpriseRegistered")]
public sealed record EnterpriseRegistered(
    string Name,
    IReadOnlyList<string> FounderApplicantKeys,
    bool RegisteredWithPassport,
    long RegisteredCapitalCny,
    string Industry,
    string District,
    DateOnly RegisteredOn,
    string RegisteredBy) : IEnterpriseEvent;

/// <summary>The centre reviewed the enterprise; a pass makes it eligible for the start-up grant of ProgrammeYear's programme.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EnterpriseReviewed")]
public sealed record EnterpriseReviewed(bool Passed, int ProgrammeYear, string Reason, string DecidedBy, string RuleSetVersion) : IEnterpriseEvent;

/// <summary>The subsidy programme's start-up grant decision was recorded on the enterprise.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.StartupGrantRecorded")]
public sealed record StartupGrantRecorded(bool Awarded, long AmountCny, string Reason, DateOnly RecordedOn) : IEnterpriseEvent;

/// <summary>A park's operator proposed incubating the enterprise in their park; nothing changes until a founder consents.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ParkAdmissionProposed")]
public sealed record ParkAdmissionProposed(string ParkKey, string ProposedBy, DateOnly ProposedOn) : IEnterpriseEvent;

/// <summary>A founder consented to a park's proposal; the admission follows.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ParkAdmissionConsented")]
public sealed record ParkAdmissionConsented(string ParkKey, string ConsentedBy, DateOnly ConsentedOn) : IEnterpriseEvent;

/// <summary>An officer decided to admit the enterprise to a park, for the reason given; the admission follows.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ParkAdmissionDecided")]
public sealed record ParkAdmissionDecided(string ParkKey, string Reason, string DecidedBy, DateOnly DecidedOn, string RuleSetVersion) : IEnterpriseEvent;

/// <summary>The enterprise was admitted to a park.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EnterpriseAdmittedToPark")]
public sealed record EnterpriseAdmittedToPark(string ParkKey, DateOnly AdmittedOn) : IEnterpriseEvent;

/// <summary>Progress was recorded; ParkKey is the park incubating the enterprise then, or null outside a park.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.MilestoneRecorded")]
public sealed record MilestoneRecorded(
    string? ParkKey,
    MilestoneKind Kind,
    long Value,
    int? Year,
    string? Reference,
    DateOnly RecordedOn) : IEnterpriseEvent;

/// <summary>The enterprise graduated from its park.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EnterpriseGraduated")]
public sealed record EnterpriseGraduated(string ParkKey, DateOnly GraduatedOn) : IEnterpriseEvent;

/// <summary>The enterprise left its park without graduating.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EnterpriseLeftPark")]
public sealed record EnterpriseLeftPark(string ParkKey, string Reason, DateOnly LeftOn) : IEnterpriseEvent;

/// <summary>Art. 10 preferential talent introduction was evaluated; the evaluation holds the conditions and the rule-set version.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.TalentIntroductionPreferenceEvaluated")]
public sealed record TalentIntroductionPreferenceEvaluated(Evaluation Evaluation, DateOnly EvaluatedOn, string EvaluatedBy) : IEnterpriseEvent;

/// <summary>The enterprise asked for a loan interest subsidy of RequestedAmountCny; PassedReview is its centre review as it stood then (Art. 6).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyRequested")]
public sealed record LoanInterestSubsidyRequested(
    string LoanReference,
    long PrincipalCny,
    long InterestCny,
    int CoveragePercent,
    bool IpBacked,
    long RequestedAmountCny,
    DateOnly RequestedOn,
    bool PassedReview = false) : IEnterpriseEvent;

/// <summary>The programme's decision on a loan interest subsidy was recorded on the enterprise.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyDecided")]
public sealed record LoanInterestSubsidyDecided(string LoanReference, bool Committed, long AmountCny, string Reason, DateOnly DecidedOn) : IEnterpriseEvent;

/// <summary>A payment of a committed loan interest subsidy was recorded on the enterprise.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyPaymentRecorded")]
public sealed record LoanInterestSubsidyPaymentRecorded(string LoanReference, long AmountCny, DateOnly PaidOn, DateOnly RecordedOn) : IEnterpriseEvent;
