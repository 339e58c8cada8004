using Cases.Domain.Applicants;
using Cases.Domain.Enterprises;
using Cases.Domain.Parks;
using Cases.Journal.Events;

namespace Cases.Domain.ReadModels;

/// <summary>The staff search index: postings from name, identity document and key terms to the applicants, enterprises and parks holding them, in buckets by term.</summary>
/// <remarks>Postings are only ever added: a renamed applicant keeps its old name's postings, so a search verifies each candidate against the case's
/// current state (<see cref="SearchTerms"/> over it) and drops the stale ones. A query reads only its terms' buckets, so its cost follows its postings, not the log.</remarks>
public sealed class SearchIndex : Projection<SearchIndexState>
{
    /// <summary>The grain type of the index's buckets.</summary>
    public const string GrainType = "search-index";

    /// <summary>How many buckets the terms are hashed into: many small states, as grain storage writes a bucket whole per delivered batch.</summary>
    public const int Buckets = 1024;

    private readonly ApplicantDecider _applicants;
    private readonly EnterpriseDecider _enterprises;

    public SearchIndex(Programme programme)
    {
        _applicants = programme.Applicants;
        _enterprises = programme.Enterprises;
        On<ApplicantState, IApplicantCommand, IApplicantEvent, ApplicantRegistered>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, ProfileUpdated>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, ApplicantImported>(_applicants);
        On<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent, EnterpriseRegistered>(_enterprises);
        On<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent, EnterpriseImported>(_enterprises);
        On<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent, EnterpriseAdmittedToPark>(_enterprises);
        // A park has no registration: its first event is an enterprise joining its roster or a talent team; later roster updates add nothing.
        On<ParkState, IParkCommand, IParkEvent, EnterpriseAddedToRoster>(programme.Parks);
        On<ParkState, IParkCommand, IParkEvent, TalentTeamRecorded>(programme.Parks);
    }

    /// <inheritdoc />
    public override string Name => GrainType;

    /// <summary>The bucket that holds a term's postings.</summary>
    public static string BucketOf(string term) => Partitions.Bucket(term, Buckets);

    /// <inheritdoc />
    public override IEnumerable<string> PartitionsOf(StoredEvent e) => TermsOf(e).Select(BucketOf).Distinct(StringComparer.Ordinal);

    /// <summary>The terms an event indexes its stream's subject under.</summary>
    public IReadOnlySet<string> TermsOf(StoredEvent e)
    {
        var slash = e.StreamId.IndexOf('/', StringComparison.Ordinal);
        var (type, key) = (e.StreamId[..slash], e.StreamId[(slash + 1)..]);
        return type switch
        {
            ApplicantDecider.Type => _applicants.Deserialize(e) switch
            {
                ApplicantRegistered r => SearchTerms.OfApplicant(key, r.Profile),
                ProfileUpdated u => SearchTerms.OfApplicant(key, u.Profile),
                ApplicantImported i => SearchTerms.OfApplicant(key, i.Profile),
                _ => new HashSet<string>(),
            },
            EnterpriseDecider.Type => _enterprises.Deserialize(e) switch
            {
                EnterpriseRegistered r => SearchTerms.OfEnterprise(key, r.Name, null),
                EnterpriseImported i => SearchTerms.OfEnterprise(key, i.Name, null),
                EnterpriseAdmittedToPark a => SearchTerms.OfEnterprise(key, null, a.ParkKey),
                _ => new HashSet<string>(),
            },
            ParkDecider.Type => SearchTerms.OfPark(key),
            _ => new HashSet<string>(),
        };
    }

    /// <inheritdoc />
    protected override void Apply(SearchIndexState state, string partition, StoredEvent e)
    {
        foreach (var term in TermsOf(e).Where(t => BucketOf(t) == partition))
            state.Add(term, e.StreamId);
    }
}
