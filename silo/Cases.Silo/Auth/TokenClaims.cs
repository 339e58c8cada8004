namespace Cases.Silo.Auth;

/// <summary>The claim names of the silo's own tokens, beside the registered JWT names (sub, jti, iat, exp).</summary>
public static class TokenClaims
{
    /// <summary>The caller's role: one of <see cref="Roles.All"/>.</summary>
    public const string Role = "role";

    /// <summary>A console ticket's claim naming the token its session was signed in with, so revoking that token ends the session.</summary>
    public const string SignedInWith = "cases:signed_in_with";

    /// <summary>A console ticket's claim: the instant its session ends at the latest (the expiry of the token signed in with).</summary>
    public const string SessionEnds = "cases:session_ends";
}
