using Cases.Domain.Imports;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>An applicant known only from an imported decision was created with the profile that record gave.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ApplicantImported")]
public sealed record ApplicantImported(
    [property: Id(0)] ApplicantProfile Profile,
    [property: Id(1)] ImportSource Source,
    [property: Id(2)] DateOnly DecidedOn,
    [property: Id(3)] string ImportedBy) : IApplicantEvent;

/// <summary>A permit issued before the platform was imported; the applicant holds it as if approved here.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.PermitImported")]
public sealed record PermitImported(
    [property: Id(0)] string PermitId,
    [property: Id(1)] string District,
    [property: Id(2)] ImportSource Source,
    [property: Id(3)] DateOnly DecidedOn,
    [property: Id(4)] string ImportedBy) : IApplicantEvent;

/// <summary>A household registration granted before the platform was imported; the applicant's registration is approved.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.HouseholdRegistrationImported")]
public sealed record HouseholdRegistrationImported(
    [property: Id(0)] string RegistrationId,
    [property: Id(1)] string District,
    [property: Id(2)] ImportSource Source,
    [property: Id(3)] DateOnly DecidedOn,
    [property: Id(4)] string ImportedBy) : IApplicantEvent;
