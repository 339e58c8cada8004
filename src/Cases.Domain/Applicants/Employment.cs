using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>The applicant's employer in the city: its district, whether the post is full-time, and its industry (e.g. "artificial-intelligence").</summary>
[GenerateSerializer, Immutable]
[Alias("cases.Employment")]
public sealed record Employment(string Name, string District, bool FullTime, string Industry);
