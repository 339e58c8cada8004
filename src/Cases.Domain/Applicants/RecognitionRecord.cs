namespace Cases.Domain.Applicants;

/// <summary>The applicant's recognition as overseas-educated personnel (Art. 1): which application and rules granted it.</summary>
public sealed record RecognitionRecord(string ApplicationId, DateOnly RecognisedOn, string RuleSetVersion);
