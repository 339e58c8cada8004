using Cases.Domain.ReadModels;
using Orleans;

namespace Cases.Grains.Contracts;

/// <summary>One bucket of the staff search index (<see cref="SearchIndex"/>).</summary>
public interface ISearchIndexGrain : IReadModelGrain
{
    /// <summary>For each of the terms (all of this bucket): how many subjects are indexed under it, and the first <paramref name="take"/> of them, sorted.</summary>
    Task<IReadOnlyList<TermPostings>> Lookup(IReadOnlyList<string> terms, int take);
}

/// <summary>The subjects ("applicant/{key}", "enterprise/{key}", "park/{key}") indexed under one term, sorted ordinally: <paramref name="Count"/> in all, the first of them listed.</summary>
[GenerateSerializer, Immutable, Alias("cases.TermPostings")]
public sealed record TermPostings(string Term, int Count, IReadOnlyList<string> Subjects)
{
    /// <summary>Whether every subject of the term is listed.</summary>
    public bool IsComplete => Subjects.Count == Count;
}
