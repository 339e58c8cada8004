using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>Art. 17 for one person (the applicant or a dependant): granted or not, valid until when, and why.</summary>
/// <param name="PersonId">The applicant's identity document, or the dependant's id.</param>
/// <param name="Role">"applicant", "spouse" or "child".</param>
[GenerateSerializer, Immutable]
[Alias("cases.ForeignResidenceGrant")]
public sealed record ForeignResidenceGrant(
    string PersonId,
    string Role,
    bool Granted,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    string Reason);
