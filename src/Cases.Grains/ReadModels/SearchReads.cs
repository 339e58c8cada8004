using Cases.Domain.Applicants;
using Cases.Domain.Enterprises;
using Cases.Domain.Parks;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Orleans;

namespace Cases.Grains.ReadModels;

/// <summary>Staff search: the query's terms from their buckets, intersected, then each candidate checked against its case's current state.</summary>
/// <remarks>Cost: one call per bucket of the query's terms, at most <see cref="PostingsPerTerm"/> postings per term, and one state read per candidate checked
/// (at most <see cref="Rounds"/> × limit); never the log.</remarks>
public static class SearchReads
{
    /// <summary>How many times a search checks another limit's worth of candidates when stale postings dropped some.</summary>
    public const int Rounds = 4;

    /// <summary>How many subjects of one term a bucket lists at most, so a term as common as "li" costs the same at any size of the log.</summary>
    public const int PostingsPerTerm = 1000;

    /// <summary>Up to <paramref name="limit"/> subjects matching the query now: exact key matches first, then by name.</summary>
    public static async Task<SearchOutcome> SearchAsync(IGrainFactory grains, string query, int limit)
    {
        if (SearchTerms.Parse(query) is not { } parsed)
            return new SearchOutcome([], 0, false);
        var (candidates, truncated) = Candidates(parsed, await PostingsAsync(grains, parsed.LookedUp));
        var hits = new List<SearchHit>();
        var checkedCount = 0;
        for (var round = 0; round < Rounds && hits.Count < limit && checkedCount < candidates.Count; round++)
        {
            var batch = candidates.Skip(checkedCount).Take(limit - hits.Count).ToList();
            checkedCount += batch.Count;
            hits.AddRange((await Task.WhenAll(batch.Select(c => VerifyAsync(grains, parsed, c)))).OfType<SearchHit>());
        }
        var ordered = hits.OrderByDescending(h => h.ExactKey).ThenBy(h => h.Name, StringComparer.Ordinal)
            .ThenBy(h => h.Kind, StringComparer.Ordinal).ThenBy(h => h.Key, StringComparer.Ordinal).ToList();
        return new SearchOutcome(ordered, candidates.Count, truncated || checkedCount < candidates.Count);
    }

    private static async Task<Dictionary<string, TermPostings>> PostingsAsync(IGrainFactory grains, IReadOnlyList<string> terms)
    {
        var answers = await Task.WhenAll(terms.GroupBy(SearchIndex.BucketOf, StringComparer.Ordinal)
            .Select(bucket => grains.GetGrain<ISearchIndexGrain>(bucket.Key).Lookup(bucket.ToList(), PostingsPerTerm)));
        return answers.SelectMany(a => a).ToDictionary(p => p.Term, StringComparer.Ordinal);
    }

    /// <summary>The subjects to check, exact key matches first, and whether the index held more than were listed.</summary>
    /// <remarks>Subjects holding every term, or the whole query as their key term. Only complete lists are intersected: a term too common to list whole
    /// filters nothing here, since verification checks every term; if no term is complete, the rarest one's first subjects are the candidates.</remarks>
    internal static (List<string> Candidates, bool Truncated) Candidates(SearchQuery query, IReadOnlyDictionary<string, TermPostings> postings)
    {
        var lists = query.Terms.Select(t => postings.GetValueOrDefault(t) ?? new TermPostings(t, 0, [])).OrderBy(p => p.Count).ToList();
        var complete = lists.Where(p => p.IsComplete).ToList();
        IEnumerable<string> byTerms = complete.Count > 0
            ? complete.Skip(1).Aggregate((IEnumerable<string>)complete[0].Subjects, (acc, next) => acc.Intersect(next.Subjects, StringComparer.Ordinal))
            : lists[0].Subjects;
        var byKey = postings.GetValueOrDefault(query.Key);
        var candidates = (byKey?.Subjects ?? []).Concat(byTerms).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => IsExactKey(query, KeyOf(s))).ThenBy(s => s, StringComparer.Ordinal).ToList();
        return (candidates, complete.Count == 0 || byKey is { IsComplete: false });
    }

    // The index only ever adds postings, so a candidate is what the case was once called: it is a hit only if its current state still matches.
    private static async Task<SearchHit?> VerifyAsync(IGrainFactory grains, SearchQuery query, string subject)
    {
        var key = KeyOf(subject);
        var exact = IsExactKey(query, key);
        switch (subject[..subject.IndexOf('/', StringComparison.Ordinal)])
        {
            case ApplicantDecider.Type:
                var applicant = (await grains.GetGrain<IApplicantGrain>(key).GetState()).State.Profile;
                return applicant is not null && query.IsMatchedBy(SearchTerms.OfApplicant(key, applicant))
                    ? new SearchHit(ApplicantDecider.Type, key, applicant.Name, applicant.HomeDistrict, null, exact) : null;
            case EnterpriseDecider.Type:
                var enterprise = (await grains.GetGrain<IEnterpriseGrain>(key).GetState()).State;
                return enterprise.Registration is { } r && query.IsMatchedBy(SearchTerms.OfEnterprise(key, r.Name, enterprise.CurrentParkKey))
                    ? new SearchHit(EnterpriseDecider.Type, key, r.Name, r.District, enterprise.CurrentParkKey, exact) : null;
            case ParkDecider.Type:
                var park = await grains.GetGrain<IParkGrain>(key).GetState();
                return park.Version > 0 && query.IsMatchedBy(SearchTerms.OfPark(key)) ? new SearchHit(ParkDecider.Type, key, key, null, key, exact) : null;
            default:
                return null;
        }
    }

    private static bool IsExactKey(SearchQuery query, string key) => SearchTerms.OfKey(key) == query.Key;

    private static string KeyOf(string subject) => subject[(subject.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
