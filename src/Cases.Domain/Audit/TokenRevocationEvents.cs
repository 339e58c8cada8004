using Orleans;

namespace Cases.Domain.Audit;

/// <summary>An event of the service's token revocation list.</summary>
public interface ITokenRevocationEvent;

/// <summary>A token was revoked, by an admin or by its holder signing out.</summary>
[GenerateSerializer, Immutable, Alias("cases.TokenRevoked")]
public sealed record TokenRevoked(
    string TokenId, DateTimeOffset ExpiresAt, string By, string Reason, DateTimeOffset At) : ITokenRevocationEvent;

/// <summary>Every token issued to a role and subject up to <see cref="At"/> was revoked.</summary>
[GenerateSerializer, Immutable, Alias("cases.SubjectTokensRevoked")]
public sealed record SubjectTokensRevoked(
    string Role, string Subject, string By, string Reason, DateTimeOffset At) : ITokenRevocationEvent;
