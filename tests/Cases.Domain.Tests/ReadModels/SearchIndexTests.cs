using System.Text.Json;
using Cases.Domain.Applicants;
using Cases.Domain.Enterprises;
using Cases.Domain.Imports;
using Cases.Domain.ReadModels;
using Cases.Domain.Rules;
using Cases.Domain.Tests.Applicants;
using Cases.Journal.Events;

namespace Cases.Domain.Tests.ReadModels;

/// <summary>The search index as a fold: postings by term in the term's bucket, only ever added, the same however the state was serialized.</summary>
public sealed class SearchIndexTests
{
    private readonly Programme _programme = new(new RuleSet());
    private readonly Dictionary<string, SearchIndexState> _buckets = new(StringComparer.Ordinal);
    private long _position;

    private SearchIndex Index => _programme.ReadModels.SearchIndex;

    [Fact]
    public void ARegisteredApplicantIsPostedUnderEachTermInThatTermsBucket()
    {
        Fold(Applicant("P-1", "欧阳娜娜"));

        foreach (var term in new[] { "欧阳娜娜", "欧阳", "阳娜", "娜娜", "p1" })
            Assert.Equal(["applicant/P-1"], _buckets[SearchIndex.BucketOf(term)].SubjectsOf(term));
    }

    [Fact]
    public void ARenameAddsTheNewNamesPostingsAndLeavesTheOldOnesForTheSearchToVerify()
    {
        Fold(Applicant("P-2", "张伟"));
        Fold(Applicant("P-2", "张三", renamed: true));

        Assert.Equal(["applicant/P-2"], Subjects("张三"));
        Assert.Equal(["applicant/P-2"], Subjects("张伟"));
    }

    [Fact]
    public void SubjectsOfATermStaySortedAndEachOnce()
    {
        Fold(Applicant("P-b", "Li Wei"));
        Fold(Applicant("P-a", "Wei Li"));
        Fold(Applicant("P-b", "Li Wei", renamed: true));

        Assert.Equal(["applicant/P-a", "applicant/P-b"], Subjects("wei"));
    }

    [Fact]
    public void AnEnterpriseIsPostedByItsNameAndLaterByItsPark()
    {
        Fold(Event("enterprise/E-1", _programme.Enterprises.Events.Serialize(new EnterpriseRegistered("Quantum Sensing Ltd", ["P-1"], false, 1, "ic", "haidian", new DateOnly(2026, 1, 1), "officer:wang"))));
        Fold(Event("enterprise/E-1", _programme.Enterprises.Events.Serialize(new EnterpriseAdmittedToPark("zgc-01", new DateOnly(2026, 2, 1)))));

        Assert.Equal(["enterprise/E-1"], Subjects("sensing"));
        Assert.Equal(["enterprise/E-1"], Subjects("quantumsensingltd"));
        Assert.Equal(["enterprise/E-1"], Subjects("zgc01"));
    }

    [Fact]
    public void ImportedApplicantsAndEnterprisesArePostedLikeRegisteredOnes()
    {
        var source = new ImportSource { System = "haidian-permits-2019", RowId = "17" };
        var profile = ApplicantProfiles.Baseline() with { IdentityDocument = "P-9", Name = "Ouyang Nana" };
        Fold(Event("applicant/P-9", _programme.Applicants.Events.Serialize(new ApplicantImported(profile, source, new DateOnly(2019, 5, 1), "admin:root"))));
        Fold(Event("enterprise/E-9", _programme.Enterprises.Events.Serialize(new EnterpriseImported("北京光子科技", "photonics", "haidian", source, new DateOnly(2019, 5, 1), "admin:root"))));

        Assert.Equal(["applicant/P-9"], Subjects("ouyang"));
        Assert.Equal(["enterprise/E-9"], Subjects("光子"));
    }

    [Fact]
    public void EventsTheIndexDoesNotFoldAreNotMatched()
    {
        var permit = _programme.Applicants.Events.Serialize(new PermitRejected("permit-1", new DateOnly(2026, 1, 1), "officer:wang", "incomplete"));

        Assert.False(Index.Matches(Event("applicant/P-1", permit)));
    }

    [Fact]
    public void ABucketReadBackFromJsonFoldsOnAndSerializesAsAFreshFoldDoes()
    {
        var events = new[] { Applicant("P-3", "Zoë Ng"), Applicant("P-4", "张伟"), Applicant("P-5", "Åsa Berg") };
        foreach (var e in events)
            Fold(e);
        var term = "张伟";
        var bucket = SearchIndex.BucketOf(term);
        var json = JsonSerializer.Serialize(_buckets[bucket]);
        var read = JsonSerializer.Deserialize<SearchIndexState>(json)!;

        Assert.False(Index.Fold(read, bucket, events[1]));
        Assert.Equal(json, JsonSerializer.Serialize(read));
        Assert.Same(StringComparer.Ordinal, read.Postings.Comparer);
    }

    private IReadOnlyList<string> Subjects(string term) =>
        _buckets.GetValueOrDefault(SearchIndex.BucketOf(term))?.SubjectsOf(term) ?? [];

    private void Fold(StoredEvent e)
    {
        Assert.True(Index.Matches(e));
        foreach (var partition in Index.PartitionsOf(e))
        {
            if (!_buckets.TryGetValue(partition, out var state))
                _buckets[partition] = state = new SearchIndexState();
            Assert.True(Index.Fold(state, partition, e));
        }
    }

    private StoredEvent Applicant(string key, string name, bool renamed = false)
    {
        var profile = ApplicantProfiles.Baseline() with { IdentityDocument = key, Name = name };
        IApplicantEvent e = renamed ? new ProfileUpdated(profile, "officer:wang", DateTimeOffset.UtcNow) : new ApplicantRegistered(profile, "anonymous", DateTimeOffset.UtcNow);
        return Event($"applicant/{key}", _programme.Applicants.Events.Serialize(e));
    }

    private StoredEvent Event(string stream, (string Name, int SchemaVersion, string Payload) e) =>
        new(stream, 1, ++_position, Guid.CreateVersion7(), e.Name, e.SchemaVersion, e.Payload, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "test", Guid.NewGuid().ToString(), null, "c", []);
}
