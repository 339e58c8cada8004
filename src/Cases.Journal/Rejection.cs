using Orleans;

namespace Cases.Journal;

/// <summary>Why a grain refused a command: a stable code for programs and a sentence for people.</summary>
[GenerateSerializer, Immutable, Alias("cases.rejection")]
public sealed record Rejection(string Code, string Message);
