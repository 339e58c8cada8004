using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>A command to the applicant grain (grain type "applicant", keyed by identity document number).</summary>
public interface IApplicantCommand;

/// <summary>Creates the applicant; the profile's identity document must equal the grain key.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RegisterApplicant")]
public sealed record RegisterApplicant(ApplicantProfile Profile) : IApplicantCommand;

/// <summary>Replaces the profile; decisions already taken keep the facts they were evaluated on.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.UpdateProfile")]
public sealed record UpdateProfile(ApplicantProfile Profile) : IApplicantCommand;

/// <summary>Adds a spouse or child who may later apply concurrently.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.AddDependant")]
public sealed record AddDependant(Dependant Dependant) : IApplicantCommand;

/// <summary>Asks for recognition as overseas-educated personnel (Art. 1); decided by the rules alone.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ApplyForRecognition")]
public sealed record ApplyForRecognition(string ApplicationId) : IApplicantCommand;

/// <summary>Applies for the Residence and Work Permit (Art. 4) with a business licence (enterprise key) or an employer's certificate.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ApplyForPermit")]
public sealed record ApplyForPermit(string PermitId, string? EnterpriseKey, string? EmployerReference) : IApplicantCommand;

/// <summary>An officer approves the pending permit application.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ApprovePermit")]
public sealed record ApprovePermit(string PermitId, string Reason) : IApplicantCommand;

/// <summary>An officer rejects the pending permit application.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RejectPermit")]
public sealed record RejectPermit(string PermitId, string Reason) : IApplicantCommand;

/// <summary>An officer revokes an approved permit; a new application is then needed.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RevokePermit")]
public sealed record RevokePermit(string PermitId, string Reason) : IApplicantCommand;

/// <summary>Applies for household registration (item 3; Art. 18) under any path, with the dependants applying concurrently.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ApplyForHouseholdRegistration")]
public sealed record ApplyForHouseholdRegistration(
    string ApplicationId,
    bool AppliedByEmployer,
    IReadOnlyList<string> DependantIds) : IApplicantCommand;

/// <summary>An officer approves the pending household registration with its included dependants.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ApproveHouseholdRegistration")]
public sealed record ApproveHouseholdRegistration(string ApplicationId, string Reason) : IApplicantCommand;

/// <summary>An officer rejects the pending household registration.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RejectHouseholdRegistration")]
public sealed record RejectHouseholdRegistration(string ApplicationId, string Reason) : IApplicantCommand;

/// <summary>Applies under Art. 17 for a foreigners' residence permit or a multiple-entry visa, with dependants.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ApplyForForeignResidence")]
public sealed record ApplyForForeignResidence(
    string ApplicationId,
    ForeignResidenceKind Kind,
    IReadOnlyList<string> DependantIds) : IApplicantCommand;
