using System.Globalization;
using System.Text;

namespace Cases.Domain;

/// <summary>What the rules need to know about Unicode text: well-formed UTF-16, invisible characters, and the script of a letter.</summary>
public static class UnicodeText
{
    public const string Latin = "Latin";
    public const string Han = "Han";

    // Scripts by Unicode block; a letter outside them counts as the script of its 128-code-point block, which keeps unknown scripts apart.
    private static readonly (int First, int Last, string Script)[] Blocks =
    [
        (0x0041, 0x02AF, Latin), (0x1E00, 0x1EFF, Latin), (0x2C60, 0x2C7F, Latin), (0xA720, 0xA7FF, Latin), (0xAB30, 0xAB6F, Latin),
        (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
        (0x0400, 0x052F, "Cyrillic"), (0x1C80, 0x1C8F, "Cyrillic"), (0x2DE0, 0x2DFF, "Cyrillic"), (0xA640, 0xA69F, "Cyrillic"),
        (0x0530, 0x058F, "Armenian"), (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"), (0x08A0, 0x08FF, "Arabic"),
        (0x3040, 0x30FF, "Kana"), (0x1100, 0x11FF, "Hangul"), (0x3130, 0x318F, "Hangul"), (0xAC00, 0xD7AF, "Hangul"),
        (0x2E80, 0x2FDF, Han), (0x3005, 0x3007, Han), (0x3400, 0x4DBF, Han), (0x4E00, 0x9FFF, Han), (0xF900, 0xFAFF, Han), (0x20000, 0x3FFFF, Han),
    ];

    // Unicode's default-ignorable code points that are not format characters (Cf): fillers, variation selectors and the like.
    private static readonly (int First, int Last)[] IgnorableNonFormat =
    [
        (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0),
        (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
    ];

    // Invariant globalization mode (no ICU) returns text unnormalized without a word; that must fail loudly, not register duplicates.
    private static readonly bool Normalizes = "\uFF21".Normalize(NormalizationForm.FormKC) == "A";

    /// <summary>The text in Unicode normalization form KC; it must be well-formed.</summary>
    public static string Nfkc(string value) => Normalizes
        ? value.Normalize(NormalizationForm.FormKC)
        : throw new InvalidOperationException("Unicode normalization is unavailable: the process runs in invariant globalization mode (no ICU).");

    /// <summary>Whether every surrogate is paired; text that is not cannot be normalized or shown.</summary>
    public static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(value[i]))
                return false;
        }
        return true;
    }

    /// <summary>Whether the character shows nothing yet changes how text reads: format characters (zero-width, bidi marks, embeddings, overrides and isolates) and the other default-ignorables.</summary>
    public static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format || IgnorableNonFormat.Any(r => rune.Value >= r.First && rune.Value <= r.Last);

    /// <summary>The script of a letter, by its Unicode block.</summary>
    public static string ScriptOf(Rune letter)
    {
        foreach (var (first, last, script) in Blocks)
        {
            if (letter.Value >= first && letter.Value <= last)
                return script;
        }
        return $"U+{letter.Value & ~0x7F:X4} block";
    }
}
