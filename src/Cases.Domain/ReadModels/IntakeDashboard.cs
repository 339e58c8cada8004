using System.Globalization;
using Cases.Domain.Applicants;
using Cases.Journal.Events;

namespace Cases.Domain.ReadModels;

/// <summary>The intake dashboard: per-minute counts in one partition per hour of recording time (UTC), so a window reads a few small partitions.</summary>
public sealed class IntakeDashboard : Projection<IntakeHourState>
{
    /// <summary>The grain type of the dashboard's hours.</summary>
    public const string GrainType = "intake-dashboard";

    private const string HourFormat = "yyyyMMddHH";

    private readonly ApplicantDecider _applicants;

    public IntakeDashboard(Programme programme)
    {
        _applicants = programme.Applicants;
        On<ApplicantState, IApplicantCommand, IApplicantEvent, ApplicantRegistered>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, PermitApplied>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, HouseholdRegistrationApplied>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, PermitApproved>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, PermitRejected>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, HouseholdRegistrationApproved>(_applicants);
        On<ApplicantState, IApplicantCommand, IApplicantEvent, HouseholdRegistrationRejected>(_applicants);
    }

    /// <inheritdoc />
    public override string Name => GrainType;

    /// <summary>The partition of the hour that holds an instant.</summary>
    public static string HourOf(DateTimeOffset instant) => "h" + instant.UtcDateTime.ToString(HourFormat, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override IEnumerable<string> PartitionsOf(StoredEvent e) => [HourOf(e.RecordedAt)];

    /// <inheritdoc />
    protected override void Apply(IntakeHourState state, string partition, StoredEvent e)
    {
        var minute = e.RecordedAt.UtcDateTime.Minute;
        switch (_applicants.Deserialize(e))
        {
            case ApplicantRegistered:
                state.Registrations[minute]++;
                break;
            case PermitApplied { Evaluation.Passed: true } or HouseholdRegistrationApplied { Evaluation.Passed: true }:
                state.Applications[minute]++;
                break;
            case PermitApproved or PermitRejected or HouseholdRegistrationApproved or HouseholdRegistrationRejected:
                state.Decisions[minute]++;
                break;
        }
    }
}
