using Cases.Domain.ReadModels;
using Orleans;

namespace Cases.Grains.Contracts;

/// <summary>One bucket of the staff search index (<see cref="SearchIndex"/>).</summary>
public interface ISearchIndexGrain : IReadModelGrain
{
    /// <summary>The subjects indexed under each of the terms (all of this bucket), sorted; an unknown term has none.</summary>
    Task<IReadOnlyList<TermPostings>> Lookup(IReadOnlyList<string> terms);
}

/// <summary>The subjects ("applicant/{key}", "enterprise/{key}", "park/{key}") indexed under one term, sorted ordinally.</summary>
[GenerateSerializer, Immutable, Alias("cases.TermPostings")]
public sealed record TermPostings(string Term, IReadOnlyList<string> Subjects);
