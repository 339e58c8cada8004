namespace Cases.Runtime;

/// <summary>Why a grain refused a command: a stable code for programs and a sentence for people.</summary>
public sealed record Rejection(string Code, string Message);
