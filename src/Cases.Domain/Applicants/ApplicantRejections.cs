namespace Cases.Domain.Applicants;

/// <summary>The stable codes with which the applicant grain refuses commands.</summary>
public static class ApplicantRejections
{
    public const string UnknownApplicant = "unknown-applicant";
    public const string AlreadyRegistered = "already-registered";
    public const string IdentityMismatch = "identity-mismatch";
    public const string InvalidIdentityDocument = "invalid-identity-document";
    public const string InvalidProfile = "invalid-profile";
    public const string InvalidDependant = "invalid-dependant";
    public const string DuplicateDependant = "duplicate-dependant";
    public const string UnknownDependant = "unknown-dependant";
    public const string InvalidApplicationId = "invalid-application-id";
    public const string DuplicateApplication = "duplicate-application";
    public const string AlreadyRecognised = "already-recognised";
    public const string NotAnOfficer = "not-an-officer";
    public const string ReasonRequired = "reason-required";
    public const string PermitPending = "permit-pending";
    public const string PermitAlreadyHeld = "permit-already-held";
    public const string PermitNotApplied = "permit-not-applied";
    public const string PermitIneligible = "permit-ineligible";
    public const string PermitAlreadyDecided = "permit-already-decided";
    public const string RevokedPermit = "permit-revoked";
    public const string PermitNotApproved = "permit-not-approved";
    public const string HouseholdRegistrationPending = "household-registration-pending";
    public const string HouseholdRegistrationAlreadyApproved = "household-registration-already-approved";
    public const string HouseholdRegistrationNotApplied = "household-registration-not-applied";
    public const string HouseholdRegistrationIneligible = "household-registration-ineligible";
    public const string HouseholdRegistrationAlreadyDecided = "household-registration-already-decided";
}
