using Cases.Domain.Applicants;
using Cases.Journal.Events;

namespace Cases.Domain.ReadModels;

/// <summary>The officers' queue: every application that passed its rules and awaits an officer, in buckets by applicant.</summary>
/// <remarks>Art. 4 (permit) and Art. 18 (household registration) are decided by officers; a failed evaluation closes the application at once, so it never waits.</remarks>
public sealed class OfficerQueue : Projection<OfficerQueueState>
{
    /// <summary>The grain type of the queue's buckets.</summary>
    public const string GrainType = "officer-queue";

    /// <summary>How many buckets the applicants are hashed into; a page asks each for its oldest entries.</summary>
    public const int Buckets = 16;

    private readonly ApplicantDecider _applicants;

    public OfficerQueue(Programme programme)
    {
        _applicants = programme.Applicants;
        On<ApplicantState, IApplicantCommand, IApplicantEvent, PermitApplied>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, PermitApproved>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, PermitRejected>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, HouseholdRegistrationApplied>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, HouseholdRegistrationApproved>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, HouseholdRegistrationRejected>(_applicants);
    }

    /// <inheritdoc />
    public override string Name => GrainType;

    /// <summary>The bucket that holds an applicant's applications.</summary>
    public static string BucketOf(string applicantKey) => Partitions.Bucket(applicantKey, Buckets);

    /// <inheritdoc />
    public override IEnumerable<string> PartitionsOf(StoredEvent e) => [BucketOf(ApplicantOf(e))];

    /// <inheritdoc />
    protected override void Apply(OfficerQueueState state, string partition, StoredEvent e)
    {
        var applicant = ApplicantOf(e);
        switch (_applicants.Deserialize(e))
        {
            case PermitApplied { Evaluation.Passed: true } a:
                Add(state, e, ApplicationKinds.Permit, applicant, a.PermitId, a.HomeDistrict, a.Evaluation);
                break;
            case HouseholdRegistrationApplied { Evaluation.Passed: true } h:
                Add(state, e, ApplicationKinds.HouseholdRegistration, applicant, h.ApplicationId, h.HomeDistrict, h.Evaluation);
                break;
            case PermitApproved or PermitRejected:
                state.Pending.Remove(OfficerQueueState.KeyOf(ApplicationKinds.Permit, applicant));
                break;
            case HouseholdRegistrationApproved or HouseholdRegistrationRejected:
                state.Pending.Remove(OfficerQueueState.KeyOf(ApplicationKinds.HouseholdRegistration, applicant));
                break;
        }
    }

    private static void Add(OfficerQueueState state, StoredEvent e, string kind, string applicant, string id, string? district, Rules.Evaluation evaluation) =>
        state.Pending[OfficerQueueState.KeyOf(kind, applicant)] = new PendingApplication
        {
            Kind = kind,
            ApplicantKey = applicant,
            ApplicationId = id,
            Position = e.Position,
            AppliedAt = e.RecordedAt,
            District = district,
            RuleSetVersion = evaluation.RuleSetVersion,
            Conditions = evaluation.Conditions.Select(c => new PendingCondition { Code = c.Code, Source = c.Source, Passed = c.Passed, Reason = c.Reason }).ToList(),
        };

    private static string ApplicantOf(StoredEvent e) => e.StreamId[(e.StreamId.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
