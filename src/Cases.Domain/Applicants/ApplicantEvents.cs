using Cases.Domain.Rules;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>An event in an applicant's timeline.</summary>
public interface IApplicantEvent;

/// <summary>The applicant was registered with this profile.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ApplicantRegistered")]
public sealed record ApplicantRegistered(ApplicantProfile Profile, string By, DateTimeOffset At) : IApplicantEvent;

/// <summary>The applicant's profile was replaced.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ProfileUpdated")]
public sealed record ProfileUpdated(ApplicantProfile Profile, string By, DateTimeOffset At) : IApplicantEvent;

/// <summary>A spouse or child was added.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.DependantAdded")]
public sealed record DependantAdded(Dependant Dependant) : IApplicantEvent;

/// <summary>Art. 1 was evaluated; when the evaluation passed, the applicant is recognised from <paramref name="EvaluatedOn"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecognitionEvaluated")]
public sealed record RecognitionEvaluated(string ApplicationId, DateOnly EvaluatedOn, Evaluation Evaluation) : IApplicantEvent;

/// <summary>A permit application (Art. 4) was made; it awaits an officer when the evaluation passed, and is closed otherwise.</summary>
/// <param name="HomeDistrict">The applicant's home district when applying, for the officers' queue; null on events recorded before it was kept.</param>
[GenerateSerializer, Immutable]
[Alias("cases.PermitApplied")]
public sealed record PermitApplied(
    string PermitId,
    DateOnly AppliedOn,
    string? EnterpriseKey,
    string? EmployerReference,
    Evaluation Evaluation,
    string? HomeDistrict = null) : IApplicantEvent;

/// <summary>An officer approved the permit; <paramref name="District"/> is the applicant's home district, where housing opens.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.PermitApproved")]
public sealed record PermitApproved(
    string PermitId,
    string District,
    DateOnly ApprovedOn,
    string RuleSetVersion,
    string DecidedBy,
    string Reason) : IApplicantEvent;

/// <summary>An officer rejected the permit application.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.PermitRejected")]
public sealed record PermitRejected(string PermitId, DateOnly RejectedOn, string DecidedBy, string Reason) : IApplicantEvent;

/// <summary>An officer revoked the permit; <paramref name="District"/> is the one its approval named.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.PermitRevoked")]
public sealed record PermitRevoked(string PermitId, string District, string Reason, string DecidedBy) : IApplicantEvent;

/// <summary>Household registration was applied for and evaluated: overall (any path), per path, and per dependant.</summary>
/// <param name="HomeDistrict">The applicant's home district when applying, for the officers' queue; null on events recorded before it was kept.</param>
[GenerateSerializer, Immutable]
[Alias("cases.HouseholdRegistrationApplied")]
public sealed record HouseholdRegistrationApplied(
    string ApplicationId,
    DateOnly AppliedOn,
    bool AppliedByEmployer,
    Evaluation Evaluation,
    IReadOnlyList<PathEvaluation> Paths,
    IReadOnlyList<DependantInclusion> Dependants,
    string? HomeDistrict = null) : IApplicantEvent;

/// <summary>An officer approved household registration for the applicant and the included dependants.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.HouseholdRegistrationApproved")]
public sealed record HouseholdRegistrationApproved(
    string ApplicationId,
    DateOnly ApprovedOn,
    string RuleSetVersion,
    string DecidedBy,
    string Reason,
    IReadOnlyList<string> DependantIds) : IApplicantEvent;

/// <summary>An officer rejected the household registration application.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.HouseholdRegistrationRejected")]
public sealed record HouseholdRegistrationRejected(string ApplicationId, DateOnly RejectedOn, string DecidedBy, string Reason)
    : IApplicantEvent;

/// <summary>Art. 17 was evaluated; each person's grant says until when it is valid (capped at their passport) or why not.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ForeignResidenceEvaluated")]
public sealed record ForeignResidenceEvaluated(
    string ApplicationId,
    DateOnly AppliedOn,
    ForeignResidenceKind Kind,
    Evaluation Evaluation,
    IReadOnlyList<ForeignResidenceGrant> Grants) : IApplicantEvent;
