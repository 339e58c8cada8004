using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>A spouse or child who may apply with the applicant (Art. 17, Art. 18, returnee-measures-2024 item 3).</summary>
/// <param name="BirthDate">Required for children: minority is judged on the application date.</param>
/// <param name="PassportExpiry">The dependant's own passport expiry, which caps an Art. 17 permit or visa.</param>
[GenerateSerializer, Immutable]
[Alias("cases.Dependant")]
public sealed record Dependant(
    string DependantId,
    DependantRelation Relation,
    string Name,
    DateOnly? BirthDate = null,
    PassportKind? Passport = null,
    DateOnly? PassportExpiry = null);
