using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Cases.Domain.Applicants;

/// <summary>An applicant's profile, dependants and the standing of each application; immutable and JSON-serializable for snapshots.</summary>
public sealed record ApplicantState
{
    public static readonly ApplicantState Unregistered = new();

    /// <summary>Null until <see cref="RegisterApplicant"/>; every other command needs it.</summary>
    public ApplicantProfile? Profile { get; init; }

    public ImmutableList<Dependant> Dependants { get; init; } = [];

    /// <summary>Every application id used so far, of any kind; ids are never reused.</summary>
    public ImmutableList<string> ApplicationIds { get; init; } = [];

    public RecognitionRecord? Recognition { get; init; }

    public PermitRecord? Permit { get; init; }

    public HouseholdRegistrationRecord? HouseholdRegistration { get; init; }

    public ForeignResidenceRecord? ForeignResidence { get; init; }

    [JsonIgnore]
    public bool HoldsPermit => Permit is { Status: ApplicationStatus.Approved };
}
