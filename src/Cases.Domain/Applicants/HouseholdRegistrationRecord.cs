using System.Collections.Immutable;
using Cases.Domain.Imports;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>The latest household registration application (item 3; Art. 18), its included dependants and its outcome.</summary>
/// <param name="ImportedFrom">Where an imported registration was granted; null for one decided on the platform.</param>
[GenerateSerializer, Immutable]
[Alias("cases.HouseholdRegistrationRecord")]
public sealed record HouseholdRegistrationRecord(
    string ApplicationId,
    ApplicationStatus Status,
    DateOnly AppliedOn,
    string RuleSetVersion,
    ImmutableList<string> IncludedDependantIds,
    DateOnly? DecidedOn = null,
    string? DecidedBy = null,
    string? Reason = null,
    ImportSource? ImportedFrom = null);
