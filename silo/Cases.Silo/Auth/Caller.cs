using System.Security.Claims;

namespace Cases.Silo.Auth;

/// <summary>Who is calling: a role and a subject, read from the authenticated principal.</summary>
public sealed record Caller(string Role, string Subject)
{
    /// <summary>The actor recorded on events, e.g. "officer:wang" or "applicant:P-1".</summary>
    public string Actor => $"{Role}:{Subject}";

    public bool Is(string role) => Role == role;

    public bool CanReadEverything => Role is Roles.Officer or Roles.Auditor or Roles.Admin;

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.Role) ?? throw new InvalidOperationException("The caller has no role."),
        user.FindFirstValue(Roles.SubjectClaim) ?? throw new InvalidOperationException("The caller has no subject."));
}
