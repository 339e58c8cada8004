namespace Cases.Domain.Applicants;

/// <summary>The applicant's employer in the city: its district, whether the post is full-time, and its industry (e.g. "artificial-intelligence").</summary>
public sealed record Employment(string Name, string District, bool FullTime, string Industry);
