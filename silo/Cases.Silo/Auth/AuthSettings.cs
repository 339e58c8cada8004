namespace Cases.Silo.Auth;

/// <summary>How the silo authenticates callers, bound from "Cases:Auth": its own tokens, and optionally an external OpenID Connect authority.</summary>
public sealed class AuthSettings
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string Section = "Cases:Auth";

    /// <summary>Whether the silo prints tokens for each staff role at start (the embedded default's dev mode).</summary>
    public bool DevMode { get; set; }

    /// <summary>A base64 key of at least 256 bits that signs the silo's tokens; shared by a cluster's silos. Empty: a key kept protected in the data folder.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The longest life of a staff token an admin issues; staff tokens are short-lived.</summary>
    public TimeSpan StaffTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a console session lasts without use; each use extends it, up to the life of the token signed in with.</summary>
    public TimeSpan ConsoleIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>An external OpenID Connect authority (a city's single sign-on) whose access tokens the silo also accepts, e.g. https://sso.example.gov.cn/realms/city.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the external authority's tokens must name.</summary>
    public string? Audience { get; set; }

    /// <summary>Whether the authority's metadata must come over HTTPS (turn off only for a local test authority).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The external token's claim holding its roles (e.g. "roles", "groups").</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>External role values mapped to the silo's roles, e.g. "talent-centre-officer" → "officer"; unmapped values grant nothing.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    /// <summary>The external token's claim naming the person (recorded as the actor), e.g. "preferred_username".</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>The external token's claim naming an operator's park; an operator token without it is refused.</summary>
    public string ParkClaim { get; set; } = "park";
}
