using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cases.Silo.Auth;

/// <summary>Maps an external authority's access token onto a caller: its role claim through the configured role map, its subject, an operator's park.</summary>
public static class ExternalBearerEvents
{
    public static JwtBearerEvents For(AuthSettings settings) => new()
    {
        OnMessageReceived = BearerEvents.ReadBearerHeader,
        OnTokenValidated = async context =>
        {
            var jwt = (JsonWebToken)context.SecurityToken;
            if (Map(jwt, settings) is not { } caller)
            {
                context.Fail($"The token names no role this silo maps ({settings.RoleClaim}), or lacks its subject ({settings.SubjectClaim}) or an operator's park ({settings.ParkClaim}).");
                return;
            }
            var issuedAt = BearerEvents.Instant(jwt, JwtRegisteredClaimNames.Iat) ?? new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero);
            await BearerEvents.AcceptAsync(context, caller, [TokenId(jwt)], issuedAt, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        },
    };

    /// <summary>The id a revocation names an external token by: its jti, or a digest of the token when it has none.</summary>
    public static string TokenId(JsonWebToken jwt) =>
        BearerEvents.Claim(jwt, JwtRegisteredClaimNames.Jti) is { Length: > 0 } jti
            ? $"ext:{jti}"
            : $"ext:{Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(jwt.EncodedToken))[..16])}";

    private static Caller? Map(JsonWebToken jwt, AuthSettings settings)
    {
        var role = RoleValues(jwt, settings.RoleClaim).Select(v => settings.RoleMap.GetValueOrDefault(v)).FirstOrDefault(r => r is not null && Roles.All.Contains(r));
        if (role is null || role == Roles.Applicant)
            return null;
        var subject = BearerEvents.ValidSubject(BearerEvents.Claim(jwt, role == Roles.Operator ? settings.ParkClaim : settings.SubjectClaim));
        return subject is null ? null : new Caller(role, subject);
    }

    // A role claim is a string or an array of strings, depending on the authority.
    private static IEnumerable<string> RoleValues(JsonWebToken jwt, string claim) =>
        jwt.Claims.Where(c => c.Type == claim).Select(c => c.Value);
}
