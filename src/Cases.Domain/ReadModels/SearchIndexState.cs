using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>One bucket of the search index: for each term hashed to it, the subjects indexed under it ("applicant/{key}", "enterprise/{key}", "park/{key}"), sorted ordinally.</summary>
[GenerateSerializer]
public sealed class SearchIndexState : ReadModelState
{
    // Serialized through Postings, whose setter keeps the ordinal order.
    [NonSerialized]
    private SortedDictionary<string, List<string>> _postings = new(StringComparer.Ordinal);

    /// <summary>Term → sorted subject refs; a deserializer's dictionary is re-sorted ordinally, so equal folds serialize equally.</summary>
    [Id(0)]
    public SortedDictionary<string, List<string>> Postings
    {
        get => _postings;
        set => _postings = ReferenceEquals(value.Comparer, StringComparer.Ordinal) ? value : new SortedDictionary<string, List<string>>(value, StringComparer.Ordinal);
    }

    /// <summary>Adds a posting unless it is there; answers whether it was new.</summary>
    public bool Add(string term, string subject)
    {
        if (!_postings.TryGetValue(term, out var subjects))
            _postings[term] = subjects = [];
        var at = subjects.BinarySearch(subject, StringComparer.Ordinal);
        if (at >= 0)
            return false;
        subjects.Insert(~at, subject);
        return true;
    }

    /// <summary>The subjects indexed under a term, sorted; none when the term is unknown.</summary>
    public IReadOnlyList<string> SubjectsOf(string term) => _postings.GetValueOrDefault(term) ?? [];
}
