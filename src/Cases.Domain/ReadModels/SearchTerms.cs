using System.Text;
using Cases.Domain.Applicants;

namespace Cases.Domain.ReadModels;

/// <summary>How names, documents and case keys become search terms, and how a query does: NFKC, case-folded; words for spaced scripts, whole and bigrams for CJK.</summary>
/// <remarks>The index and the query share these functions, so a term typed in fullwidth, upper case or with spaces meets the term the case was indexed under.</remarks>
public static class SearchTerms
{
    /// <summary>The longest query taken, in UTF-16 code units; longer text is no search but a paste gone wrong.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Text in the form terms are compared in: NFKC, lower case (invariant), NFKC again as lowering can leave text outside it; ill-formed text folds to nothing.</summary>
    public static string Fold(string? text) =>
        string.IsNullOrEmpty(text) || !UnicodeText.IsWellFormed(text) ? "" : UnicodeText.Nfkc(UnicodeText.Nfkc(text).ToLowerInvariant());

    /// <summary>The terms of a name: each word, each CJK run whole and by every character bigram, and the whole name without separators.</summary>
    public static IEnumerable<string> OfName(string? name)
    {
        var runs = Runs(Fold(name));
        foreach (var run in runs)
        {
            yield return run.Text;
            if (run.Cjk)
            {
                foreach (var bigram in Bigrams(run.Text))
                    yield return bigram;
            }
        }
        if (runs.Count > 1)
            yield return string.Concat(runs.Select(r => r.Text));
    }

    /// <summary>The term of a key or identity document: its letters and digits, folded, with spaces, '-' and other separators dropped ("P-1101 ab" is "p1101ab"); null when nothing is left.</summary>
    public static string? OfKey(string? key)
    {
        var compact = string.Concat(Runs(Fold(key)).Select(r => r.Text));
        return compact.Length == 0 ? null : compact;
    }

    /// <summary>The terms an applicant is found by: the name, the case key and the identity document, which intake normalizes (<see cref="IdentityDocument.Normalize"/>) into the key.</summary>
    public static IReadOnlySet<string> OfApplicant(string key, ApplicantProfile profile) =>
        Set(OfName(profile.Name), OfKey(key), OfKey(IdentityDocument.Normalize(profile.IdentityDocument)));

    /// <summary>The terms an enterprise is found by: its name, its case key and the park incubating it (if any).</summary>
    public static IReadOnlySet<string> OfEnterprise(string key, string? name, string? parkKey) => Set(OfName(name), OfKey(key), OfKey(parkKey));

    /// <summary>The terms a park is found by: its key (parks have no other name).</summary>
    public static IReadOnlySet<string> OfPark(string key) => Set([], OfKey(key));

    /// <summary>The query as terms: words, CJK runs of up to two characters whole and longer ones by bigrams; and the whole query as a key term. Null when nothing is searchable.</summary>
    public static SearchQuery? Parse(string query)
    {
        var runs = Runs(Fold(query));
        if (runs.Count == 0)
            return null;
        var terms = new List<string>();
        foreach (var run in runs)
        {
            // A CJK query of three or more characters is matched by its bigrams, so 阳娜娜 finds 欧阳娜娜; one or two are a whole term or a bigram already.
            if (run.Cjk && run.Text.EnumerateRunes().Count() > 2)
                terms.AddRange(Bigrams(run.Text));
            else
                terms.Add(run.Text);
        }
        return new SearchQuery(terms.Distinct(StringComparer.Ordinal).ToList(), string.Concat(runs.Select(r => r.Text)), string.Join(' ', runs.Select(r => r.Text)));
    }

    private static HashSet<string> Set(IEnumerable<string> terms, params string?[] more)
    {
        var set = new HashSet<string>(terms, StringComparer.Ordinal);
        foreach (var term in more)
        {
            if (term is not null)
                set.Add(term);
        }
        return set;
    }

    private static IEnumerable<string> Bigrams(string run)
    {
        var runes = run.EnumerateRunes().Select(r => r.ToString()).ToList();
        for (var i = 0; i + 1 < runes.Count; i++)
            yield return runes[i] + runes[i + 1];
    }

    // Letters, digits and combining marks make runs; everything else separates. A CJK letter never shares a run with another script's.
    private static List<(string Text, bool Cjk)> Runs(string folded)
    {
        var runs = new List<(string Text, bool Cjk)>();
        var current = new StringBuilder();
        var cjk = false;
        foreach (var rune in folded.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var mark = category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
            if (!Rune.IsLetterOrDigit(rune) && !(mark && current.Length > 0))
            {
                Flush(runs, current, cjk);
                continue;
            }
            var isCjk = mark ? cjk : Rune.IsLetter(rune) && IsCjk(rune);
            if (current.Length > 0 && isCjk != cjk)
                Flush(runs, current, cjk);
            cjk = isCjk;
            current.Append(rune.ToString());
        }
        Flush(runs, current, cjk);
        return runs;
    }

    private static void Flush(List<(string Text, bool Cjk)> runs, StringBuilder current, bool cjk)
    {
        if (current.Length > 0)
            runs.Add((current.ToString(), cjk));
        current.Clear();
    }

    // Scripts written without spaces between words, where a name is one run of characters.
    private static bool IsCjk(Rune letter) => UnicodeText.ScriptOf(letter) is UnicodeText.Han or "Kana" or "Hangul";
}
