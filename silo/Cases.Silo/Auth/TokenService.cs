using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Cases.Silo.Auth;

/// <summary>Issues and checks bearer tokens: a JSON payload (role, subject, expiry) signed with HMAC-SHA256 by the silo's key.</summary>
/// <remarks>JwtBearer cannot be restored here; this keeps the same idea with ASP.NET Core's in-box authentication handler.</remarks>
public sealed class TokenService(byte[] key, TimeProvider time)
{
    /// <summary>A token for a role and subject, valid for the given time.</summary>
    public string Issue(string role, string subject, TimeSpan validFor) => Issue(role, subject, time.GetUtcNow().Add(validFor));

    /// <summary>A token for a role and subject that expires at the given instant; the same inputs give the same token.</summary>
    public string Issue(string role, string subject, DateTimeOffset expiresAt)
    {
        if (!Roles.All.Contains(role))
            throw new ArgumentException($"'{role}' is not a role.", nameof(role));
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(role, subject, expiresAt.ToUnixTimeSeconds()));
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(Sign(payload))}";
    }

    /// <summary>The token's role and subject, or null when it is malformed, forged or expired.</summary>
    public Caller? Validate(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > 4096)
            return null;
        try
        {
            var payload = WebEncoders.Base64UrlDecode(token, 0, dot);
            var signature = WebEncoders.Base64UrlDecode(token, dot + 1, token.Length - dot - 1);
            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload)))
                return null;
            var claims = JsonSerializer.Deserialize<TokenPayload>(payload);
            if (claims is null || claims.Exp < time.GetUtcNow().ToUnixTimeSeconds() || !Roles.All.Contains(claims.Role))
                return null;
            return new Caller(claims.Role, claims.Sub);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads the signing key from a file, creating a random one on first run.</summary>
    public static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
            return Convert.FromBase64String(File.ReadAllText(path, Encoding.ASCII).Trim());
        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Convert.ToBase64String(key), Encoding.ASCII);
        return key;
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(key, payload);

    private sealed record TokenPayload(string Role, string Sub, long Exp);
}
