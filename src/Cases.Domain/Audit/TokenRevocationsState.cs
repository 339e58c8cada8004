using System.Collections.Immutable;
using Orleans;

namespace Cases.Domain.Audit;

/// <summary>Revoked token ids with the instant each would have expired, and per subject the instant before which its tokens are void.</summary>
[GenerateSerializer, Immutable, Alias("cases.TokenRevocationsState")]
public sealed record TokenRevocationsState(
    ImmutableDictionary<string, DateTimeOffset> Tokens,
    ImmutableDictionary<string, DateTimeOffset> SubjectsRevokedBefore)
{
    public static readonly TokenRevocationsState Empty = new(ImmutableDictionary<string, DateTimeOffset>.Empty, ImmutableDictionary<string, DateTimeOffset>.Empty);

    /// <summary>How a role and subject are named in <see cref="SubjectsRevokedBefore"/>.</summary>
    public static string SubjectKey(string role, string subject) => $"{role}:{subject}";

    /// <summary>Whether a credential naming these token ids, issued at this instant to this role and subject, has been revoked.</summary>
    public bool Revokes(IEnumerable<string> tokenIds, string role, string subject, DateTimeOffset issuedAt) =>
        tokenIds.Any(Tokens.ContainsKey) ||
        (SubjectsRevokedBefore.TryGetValue(SubjectKey(role, subject), out var before) && issuedAt <= before);

    /// <summary>The state without the token entries that have expired by the given instant.</summary>
    public TokenRevocationsState Pruned(DateTimeOffset now) =>
        Tokens.Values.Any(expiry => expiry < now) ? this with { Tokens = Tokens.RemoveRange(Tokens.Where(t => t.Value < now).Select(t => t.Key)) } : this;
}
