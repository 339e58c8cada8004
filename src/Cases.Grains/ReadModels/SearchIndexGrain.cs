using Cases.Domain;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;
using Orleans.Runtime;

namespace Cases.Grains.ReadModels;

/// <summary>The Orleans grain of one bucket of the staff search index.</summary>
[GrainType(SearchIndex.GrainType)]
[ImplicitStreamSubscription(SearchIndex.GrainType)]
public sealed class SearchIndexGrain(Programme programme, [PersistentState("state")] IPersistentState<SearchIndexState> state, GrainJournal journal)
    : ReadModelGrain<SearchIndexState>(programme.ReadModels.SearchIndex, state, journal.Store), ISearchIndexGrain
{
    /// <inheritdoc />
    // The lists are copied: TermPostings is immutable to Orleans, and the bucket's own lists keep growing.
    public Task<IReadOnlyList<TermPostings>> Lookup(IReadOnlyList<string> terms, int take) =>
        Task.FromResult<IReadOnlyList<TermPostings>>(terms.Select(t => Postings(t, take)).ToList());

    private TermPostings Postings(string term, int take)
    {
        var all = State.SubjectsOf(term);
        return new TermPostings(term, all.Count, all.Take(take).ToList());
    }
}
