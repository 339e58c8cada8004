namespace Cases.Silo.Auth;

/// <summary>A console session: who, its id (revoked at sign-out), the token it was signed in with, when, and when it ends at the latest.</summary>
public sealed record ConsoleSession(Caller Caller, string Id, string SignedInWith, DateTimeOffset SignedInAt, DateTimeOffset EndsAt);
