using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>An academic degree: level, where and in what field it was obtained, and the university's world rank if known.</summary>
/// <param name="Field">One of the rule set's STEM or medical fields, or any other field name.</param>
[GenerateSerializer, Immutable]
[Alias("cases.Degree")]
public sealed record Degree(
    DegreeLevel Level,
    string Country,
    string Field,
    int? UniversityRank,
    DateOnly ObtainedOn,
    bool ObtainedAbroad);
