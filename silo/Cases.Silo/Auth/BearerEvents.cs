using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Cases.Silo.Auth;

/// <summary>What the bearer schemes add to JwtBearer: the canonical spelling, the claims a caller must have, and revocation.</summary>
public static class BearerEvents
{
    /// <summary>Events for the silo's own API tokens.</summary>
    public static JwtBearerEvents Local() => new()
    {
        OnMessageReceived = ReadBearerHeader,
        OnTokenValidated = async context =>
        {
            var jwt = (JsonWebToken)context.SecurityToken;
            var role = Claim(jwt, TokenClaims.Role);
            if (role is null || !Roles.All.Contains(role) || ValidSubject(Claim(jwt, JwtRegisteredClaimNames.Sub)) is not { } subject
                || Claim(jwt, JwtRegisteredClaimNames.Jti) is not { Length: > 0 } id || Instant(jwt, JwtRegisteredClaimNames.Iat) is not { } issuedAt)
            {
                context.Fail("The token lacks a required claim (sub, role, jti, iat).");
                return;
            }
            await AcceptAsync(context, new Caller(role, subject), [id], issuedAt, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        },
    };

    /// <summary>Takes "Authorization: Bearer {token}" when the token is spelled canonically; no header means no result, anything else fails.</summary>
    public static Task ReadBearerHeader(MessageReceivedContext context)
    {
        if (context.Request.Headers.Authorization.Count == 0)
            context.NoResult();
        else if (TokenIn(context.Request) is not { } token)
            context.Fail("Use 'Authorization: Bearer <token>'.");
        else if (TokenSpelling.IsCanonical(token))
            context.Token = token;
        else
            context.Fail("The token is not a compact JWT in its canonical spelling.");
        return Task.CompletedTask;
    }

    /// <summary>The token of an "Authorization: Bearer {token}" header, or null when the request carries none.</summary>
    public static string? TokenIn(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Replaces the token's principal with the caller's and answers true, unless the credential has been revoked.</summary>
    public static async Task<bool> AcceptAsync(TokenValidatedContext context, Caller caller, IReadOnlyList<string> tokenIds, DateTimeOffset authenticatedAt, DateTimeOffset expiresAt)
    {
        if (await Revocations.RevokedAsync(context.HttpContext, tokenIds, caller, authenticatedAt))
        {
            context.Fail("The token has been revoked.");
            return false;
        }
        context.Principal = CallerPrincipal.Create(caller, tokenIds, authenticatedAt, expiresAt, context.Scheme.Name);
        return true;
    }

    /// <summary>An integer claim of the token as an instant, or null.</summary>
    public static DateTimeOffset? Instant(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<long>(name, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>A string claim of the token, or null.</summary>
    public static string? Claim(JsonWebToken jwt, string name) => jwt.TryGetPayloadValue<string>(name, out var value) ? value : null;

    /// <summary>The subject if it can name an actor: an id by the API's one id rule (<see cref="Api.Ids"/>), since it becomes one in URLs and records.</summary>
    public static string? ValidSubject(string? subject) => Api.Ids.Problem(subject) is null ? subject : null;
}
