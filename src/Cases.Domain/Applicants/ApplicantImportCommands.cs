using Cases.Domain.Imports;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>Imports a Residence and Work Permit issued before the platform; an unknown applicant is created from the profile.</summary>
/// <remarks>Carries no file name or admin: the command id derives from the source alone, and a retry must be the same command.</remarks>
[GenerateSerializer, Immutable]
[Alias("cases.ImportPermit")]
public sealed record ImportPermit(
    [property: Id(0)] ApplicantProfile Profile,
    [property: Id(1)] string PermitId,
    [property: Id(2)] string District,
    [property: Id(3)] DateOnly DecidedOn,
    [property: Id(4)] ImportSource Source) : IApplicantCommand;

/// <summary>Imports a household registration granted before the platform to an applicant imported earlier.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ImportHouseholdRegistration")]
public sealed record ImportHouseholdRegistration(
    [property: Id(0)] string RegistrationId,
    [property: Id(1)] string District,
    [property: Id(2)] DateOnly DecidedOn,
    [property: Id(3)] ImportSource Source) : IApplicantCommand;
