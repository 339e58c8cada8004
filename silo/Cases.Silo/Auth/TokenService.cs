using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cases.Silo.Auth;

/// <summary>Issues the silo's own JSON Web Tokens (HS256 with a key id), for the API or as console tickets; JwtBearer validates them.</summary>
public sealed class TokenService
{
    /// <summary>The issuer of the silo's own tokens.</summary>
    public const string Issuer = "urn:cases:silo";

    /// <summary>The audience of bearer tokens for the HTTP API.</summary>
    public const string ApiAudience = "urn:cases:api";

    /// <summary>The audience of console tickets: valid only in the console's cookie, never as a bearer token.</summary>
    public const string ConsoleAudience = "urn:cases:console";

    private readonly TimeProvider _time;
    private readonly SigningCredentials _credentials;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TokenService(byte[] key, TimeProvider time)
    {
        if (key.Length < 32)
            throw new ArgumentException("The signing key must have at least 256 bits.", nameof(key));
        _time = time;
        // The key id names the key without revealing it, so keys can be rotated and a token says which one signed it.
        SigningKey = new SymmetricSecurityKey(key) { KeyId = Convert.ToHexStringLower(SHA256.HashData(key))[..16] };
        _credentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256);
    }

    /// <summary>The key that signs and checks the silo's own tokens.</summary>
    public SymmetricSecurityKey SigningKey { get; }

    /// <summary>An API token for a role and subject, valid from now for the given time.</summary>
    public string Issue(string role, string subject, TimeSpan validFor) => Issue(role, subject, _time.GetUtcNow(), validFor).Token;

    /// <summary>A token issued at a given instant; the same inputs give the same token, so a retried request gets the same answer.</summary>
    public IssuedCredential Issue(string role, string subject, DateTimeOffset issuedAt, TimeSpan validFor, string audience = ApiAudience)
    {
        if (!Roles.All.Contains(role))
            throw new ArgumentException($"'{role}' is not a role.", nameof(role));
        var notBefore = DateTimeOffset.FromUnixTimeSeconds(issuedAt.ToUnixTimeSeconds());
        var expires = notBefore.Add(validFor);
        var id = TokenId(role, subject, audience, notBefore, expires);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, subject),
                new Claim(TokenClaims.Role, role),
                new Claim(JwtRegisteredClaimNames.Jti, id),
            ]),
            SigningCredentials = _credentials,
        });
        return new IssuedCredential(token, id, expires);
    }

    /// <summary>A console ticket for a session: the session's id as jti, the token signed in with, and an expiry no later than that token's.</summary>
    public string IssueConsoleTicket(ConsoleSession session, TimeSpan idleTimeout)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(_time.GetUtcNow().ToUnixTimeSeconds());
        var expires = now.Add(idleTimeout) < session.EndsAt ? now.Add(idleTimeout) : session.EndsAt;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ConsoleAudience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, session.Caller.Subject),
                new Claim(TokenClaims.Role, session.Caller.Role),
                new Claim(JwtRegisteredClaimNames.Jti, session.Id),
                new Claim(TokenClaims.SignedInWith, session.SignedInWith),
                new Claim(JwtRegisteredClaimNames.AuthTime, session.SignedInAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
                new Claim(TokenClaims.SessionEnds, session.EndsAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            ]),
            SigningCredentials = _credentials,
        });
    }

    /// <summary>The parameters JwtBearer checks the silo's own tokens of an audience with: issuer, audience, lifetime, key id, algorithm.</summary>
    public TokenValidationParameters ValidationFor(string audience) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = audience,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateLifetime = true,
        TryAllIssuerSigningKeys = false,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = TokenClaims.Role,
        LifetimeValidator = (notBefore, expires, _, parameters) => LifetimeIsValid(notBefore, expires, parameters.ClockSkew),
    };

    // Checked against the silo's TimeProvider rather than the wall clock, so the silo's notion of "now" is the only one.
    private bool LifetimeIsValid(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } e && e + skew >= now && (notBefore is not { } n || n - skew <= now);
    }

    private static string TokenId(string role, string subject, string audience, DateTimeOffset issuedAt, DateTimeOffset expires)
    {
        var input = Encoding.UTF8.GetBytes($"{role}\n{subject}\n{audience}\n{issuedAt.ToUnixTimeSeconds()}\n{expires.ToUnixTimeSeconds()}");
        return Base64UrlEncoder.Encode(SHA256.HashData(input)[..16]);
    }
}

/// <summary>An issued token with its id (the <c>jti</c> an admin revokes it by) and its expiry.</summary>
public sealed record IssuedCredential(string Token, string TokenId, DateTimeOffset ExpiresAt);
