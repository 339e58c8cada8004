using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>An academic degree: level, where and in what field it was obtained, and the university's world rank if known.</summary>
/// <param name="Field">The discipline as the applicant wrote it: a code of the national catalogue (e.g. 0812) or a Chinese or English name.</param>
/// <param name="DisciplineCode">The catalogue code intake resolved the field to (any value sent is replaced); absent in profiles recorded before codes were kept.</param>
[GenerateSerializer, Immutable]
[Alias("cases.Degree")]
public sealed record Degree(
    DegreeLevel Level,
    string Country,
    string Field,
    int? UniversityRank,
    DateOnly ObtainedOn,
    bool ObtainedAbroad,
    string? DisciplineCode = null);
