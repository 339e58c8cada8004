namespace Cases.Domain.ReadModels;

/// <summary>A parsed search: the terms a match must hold every one of, or else the whole query as one key term (an identity document typed with spaces).</summary>
public sealed record SearchQuery(IReadOnlyList<string> Terms, string Key)
{
    /// <summary>Whether a subject with these current terms matches the query.</summary>
    public bool IsMatchedBy(IReadOnlySet<string> subjectTerms) => subjectTerms.Contains(Key) || Terms.All(subjectTerms.Contains);

    /// <summary>Every term to look up: the terms and the key term, each once.</summary>
    public IReadOnlyList<string> LookedUp => Terms.Append(Key).Distinct(StringComparer.Ordinal).ToList();
}
