namespace Cases.Domain.ReadModels;

/// <summary>A parsed search: the terms a match must hold every one of, or else the whole query as one key term (an identity document typed with spaces).</summary>
/// <param name="Text">The query folded, its words joined by single spaces: letters, digits and marks only, so it is safe to show and record.</param>
public sealed record SearchQuery(IReadOnlyList<string> Terms, string Key, string Text)
{
    /// <summary>Whether a subject with these current terms matches the query.</summary>
    public bool IsMatchedBy(IReadOnlySet<string> subjectTerms) => subjectTerms.Contains(Key) || Terms.All(subjectTerms.Contains);

    /// <summary>Whether the query holds a digit: then it names an identity document or a case key rather than a name.</summary>
    public bool IsIdentifier => Text.Any(char.IsAsciiDigit);

    /// <summary>Every term to look up: the terms and the key term, each once.</summary>
    public IReadOnlyList<string> LookedUp => Terms.Append(Key).Distinct(StringComparer.Ordinal).ToList();
}
