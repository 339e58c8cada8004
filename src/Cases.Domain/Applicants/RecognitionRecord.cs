using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>The applicant's recognition as overseas-educated personnel (Art. 1): which application and rules granted it.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecognitionRecord")]
public sealed record RecognitionRecord(string ApplicationId, DateOnly RecognisedOn, string RuleSetVersion);
