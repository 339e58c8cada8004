using Cases.Domain.Applicants;

namespace Cases.Silo.Api;

/// <summary>The answer to an intake: the case id (the identity document), an applicant token for that case, and its version.</summary>
public sealed record CaseCreated(string CaseId, string Token, long Version);

public sealed record ApplyForRecognitionRequest(string ApplicationId);

public sealed record ApplyForPermitRequest(string PermitId, string? EnterpriseKey, string? EmployerReference);

/// <summary>An officer's decision; the reason is recorded on the case.</summary>
public sealed record DecisionRequest(string Reason);

public sealed record ApplyForHouseholdRegistrationRequest(string ApplicationId, bool AppliedByEmployer, IReadOnlyList<string>? DependantIds);

public sealed record ApplyForForeignResidenceRequest(string ApplicationId, ForeignResidenceKind Kind, IReadOnlyList<string>? DependantIds);
