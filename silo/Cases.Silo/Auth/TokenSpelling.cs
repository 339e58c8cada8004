using Microsoft.IdentityModel.Tokens;

namespace Cases.Silo.Auth;

/// <summary>Accepts a compact JWT only in its one canonical spelling: three unpadded base64url parts that decode and re-encode to themselves.</summary>
/// <remarks>Base64 leaves spare bits in a part's last character, so without this check one signature has several spellings, each a distinct token string.</remarks>
public static class TokenSpelling
{
    public const int MaxLength = 8192;

    public static bool IsCanonical(string token)
    {
        if (token.Length is 0 or > MaxLength)
            return false;
        var parts = token.Split('.');
        return parts.Length == 3 && parts.All(IsCanonicalPart);
    }

    private static bool IsCanonicalPart(string part)
    {
        if (part.Length == 0 || part.Length % 4 == 1 || !part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return false;
        try
        {
            return Base64UrlEncoder.Encode(Base64UrlEncoder.DecodeBytes(part)) == part;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
