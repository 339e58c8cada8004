using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>Whether a dependant may apply concurrently with the applicant's household registration, and why.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.DependantInclusion")]
public sealed record DependantInclusion(string DependantId, DependantRelation Relation, bool Included, string Reason);
