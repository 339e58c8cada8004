using System.Text;

namespace Cases.Domain.Disciplines;

/// <summary>The form in which discipline names, aliases and codes are compared: NFKC (so full-width forms match), lower case, "&amp;" read as "and", letters and digits only.</summary>
public static class DisciplineKey
{
    /// <summary>The key of a text; empty when it holds no letter or digit or is not well-formed.</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text) || !UnicodeText.IsWellFormed(text))
            return "";
        var folded = UnicodeText.Nfkc(text).ToLowerInvariant().Replace("&", "and", StringComparison.Ordinal);
        var key = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            // Spaces, hyphens, dots, brackets and the like carry no meaning in a subject's name.
            if (Rune.IsLetterOrDigit(rune))
                key.Append(rune.ToString());
        }
        return key.ToString();
    }

    /// <summary>Whether the key is a code: ASCII digits only.</summary>
    public static bool IsCode(string key) => key.Length > 0 && key.All(char.IsAsciiDigit);
}
