using System.Text;

namespace Cases.Domain.Applicants;

/// <summary>Identity document numbers: their normal form, which is the applicant's key, and which numbers a document can have.</summary>
/// <remarks>
/// The normal form is Unicode NFKC without surrounding whitespace, so width and compatibility forms ("Ｐ１２３") and padding are
/// the document they stand for. A document then holds ASCII letters and digits with '-' as separator (passports and resident
/// ID cards), or instead of ASCII letters the letters of one other script (Han, Cyrillic, ...). Letters of two scripts are
/// refused, and so is a document whose letters all look like Latin ones though they are not (Cyrillic "Р-123" beside Latin
/// "P-123"): either would let one person register a second case.
/// </remarks>
public static class IdentityDocument
{
    /// <summary>The longest document number, the longest grain key the API takes.</summary>
    public const int MaxLength = 128;

    // Cyrillic and Greek capitals and small letters that read as Latin letters.
    private const string LatinLookAlikes =
        "\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0423\u0425\u0405\u0406\u0408\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0455\u0456\u0458" +
        "\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7\u03BF";

    /// <summary>The document in normal form (NFKC, trimmed); text that is not well-formed UTF-16 is returned as sent, for validation to refuse.</summary>
    public static string Normalize(string value) =>
        UnicodeText.IsWellFormed(value) ? UnicodeText.Nfkc(value).Trim() : value;

    /// <summary>Why the document (in normal form) is not an acceptable identity document number, or null when it is.</summary>
    public static string? Problem(string document)
    {
        if (document.Length == 0)
            return "must not be empty";
        if (document.Length > MaxLength)
            return $"must be at most {MaxLength} characters";
        if (!UnicodeText.IsWellFormed(document) || Normalize(document) != document)
            return "must be in Unicode normal form (NFKC) without surrounding spaces";
        string? script = null;
        var letters = 0;
        var lookAlikes = 0;
        foreach (var rune in document.EnumerateRunes())
        {
            if (rune.Value is (>= '0' and <= '9') or '-')
                continue;
            if (!Rune.IsLetter(rune))
                return "may hold only letters, the digits 0-9 and '-'";
            var of = UnicodeText.ScriptOf(rune);
            if (script is not null && of != script)
                return $"must not mix scripts ({script} and {of})";
            script = of;
            letters++;
            lookAlikes += LatinLookAlikes.Contains((char)rune.Value, StringComparison.Ordinal) ? 1 : 0;
        }
        // A whole document of Latin look-alikes in another script reads as a Latin document that it is not.
        return letters > 0 && lookAlikes == letters && script != UnicodeText.Latin
            ? $"must not be written in {script} letters that look like Latin ones; use the Latin letters"
            : null;
    }
}
