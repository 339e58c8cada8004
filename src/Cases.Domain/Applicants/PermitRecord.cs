using Cases.Domain.Imports;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>The latest Residence and Work Permit application (Art. 4) and what became of it.</summary>
/// <param name="District">The home district recorded at approval; revocation reports the same district.</param>
/// <param name="ImportedFrom">Where an imported permit's decision was taken; null for one decided on the platform.</param>
[GenerateSerializer, Immutable]
[Alias("cases.PermitRecord")]
public sealed record PermitRecord(
    string PermitId,
    ApplicationStatus Status,
    DateOnly AppliedOn,
    string RuleSetVersion,
    string? District = null,
    DateOnly? DecidedOn = null,
    string? DecidedBy = null,
    string? Reason = null,
    ImportSource? ImportedFrom = null);
