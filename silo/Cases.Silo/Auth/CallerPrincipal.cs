using System.Security.Claims;

namespace Cases.Silo.Auth;

/// <summary>The principal every scheme leaves behind once a token is valid: the caller's role and subject, and what revocation is checked by.</summary>
public static class CallerPrincipal
{
    /// <summary>The ids a revocation may name for this credential (the token's, and for a console ticket the token it was signed in with).</summary>
    public const string TokenIdsClaim = "cases:tokens";

    /// <summary>When the caller authenticated: a subject's revocation voids everything issued up to then.</summary>
    public const string AuthenticatedAtClaim = "cases:auth_time";

    /// <summary>When the credential expires.</summary>
    public const string ExpiresAtClaim = "cases:exp";

    public static ClaimsPrincipal Create(Caller caller, IEnumerable<string> tokenIds, DateTimeOffset authenticatedAt, DateTimeOffset expiresAt, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Role, caller.Role),
            new(Roles.SubjectClaim, caller.Subject),
            new(ClaimTypes.Name, caller.Actor),
            new(AuthenticatedAtClaim, authenticatedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ExpiresAtClaim, expiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(tokenIds.Select(id => new Claim(TokenIdsClaim, id)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The token ids of an authenticated principal.</summary>
    public static IReadOnlyList<string> TokenIds(ClaimsPrincipal user) => user.FindAll(TokenIdsClaim).Select(c => c.Value).ToList();

    /// <summary>When the principal's credential expires.</summary>
    public static DateTimeOffset ExpiresAt(ClaimsPrincipal user) => Instant(user, ExpiresAtClaim);

    /// <summary>When the principal authenticated.</summary>
    public static DateTimeOffset AuthenticatedAt(ClaimsPrincipal user) => Instant(user, AuthenticatedAtClaim);

    private static DateTimeOffset Instant(ClaimsPrincipal user, string claim) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(user.FindFirstValue(claim) ?? "0", System.Globalization.CultureInfo.InvariantCulture));
}
