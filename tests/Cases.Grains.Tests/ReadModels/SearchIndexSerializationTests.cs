using System.Text.Json;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;
using Orleans.Serialization;

namespace Cases.Grains.Tests.ReadModels;

/// <summary>The search index's state and answers cross Orleans' serializer whole, and the state keeps its ordinal order when read back.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class SearchIndexSerializationTests(SharedCluster shared)
{
    [Fact]
    public void ABucketsStateCrossesOrleansSerializerWithItsOrdinalOrder()
    {
        var state = new SearchIndexState { AppliedThrough = 7 };
        foreach (var (term, subject) in new[] { ("张伟", "applicant/P-2"), ("Zeta", "park/z"), ("alpha", "applicant/P-1"), ("张伟", "applicant/P-1") })
            state.Add(term, subject);
        var serializer = shared.Silo.Service<Serializer>();

        var copy = Assert.IsType<SearchIndexState>(serializer.Deserialize<SearchIndexState>(serializer.SerializeToArray(state)));

        Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(copy));
        Assert.Equal(["Zeta", "alpha", "张伟"], copy.Postings.Keys);
        Assert.Equal(["applicant/P-1", "applicant/P-2"], copy.SubjectsOf("张伟"));
        Assert.Equal(7, copy.AppliedThrough);
    }

    [Fact]
    public async Task ALookupCrossesARealGrainCall()
    {
        var bucket = shared.Silo.Grains.GetGrain<ISearchIndexGrain>($"serialization-{Guid.NewGuid():N}");

        var answer = await bucket.Lookup(["nothing-here"], 10);

        var postings = Assert.Single(answer);
        Assert.Equal(("nothing-here", 0, true), (postings.Term, postings.Count, postings.IsComplete));
        Assert.Empty(postings.Subjects);
    }
}
