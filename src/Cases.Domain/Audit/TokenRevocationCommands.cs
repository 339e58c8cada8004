using Orleans;

namespace Cases.Domain.Audit;

/// <summary>A command to the service's token revocation list.</summary>
public interface ITokenRevocationCommand;

/// <summary>Revokes one token by its id (its <c>jti</c>) until it would have expired.</summary>
[GenerateSerializer, Immutable, Alias("cases.RevokeToken")]
public sealed record RevokeToken(string TokenId, DateTimeOffset ExpiresAt, string Reason) : ITokenRevocationCommand;

/// <summary>Revokes every token issued to a role and subject up to now; tokens issued later are valid again.</summary>
[GenerateSerializer, Immutable, Alias("cases.RevokeSubjectTokens")]
public sealed record RevokeSubjectTokens(string Role, string Subject, string Reason) : ITokenRevocationCommand;

/// <summary>Ends a console session: its holder revokes their own console ticket when signing out.</summary>
[GenerateSerializer, Immutable, Alias("cases.EndSession")]
public sealed record EndSession(string TokenId, DateTimeOffset ExpiresAt) : ITokenRevocationCommand;
