using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Cases.Domain.Imports;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>An applicant's profile, dependants and the standing of each application; immutable and JSON-serializable for snapshots.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ApplicantState")]
public sealed record ApplicantState
{
    public static readonly ApplicantState Unregistered = new();

    /// <summary>Null until <see cref="RegisterApplicant"/>; every other command needs it.</summary>
    [Id(0)]
    public ApplicantProfile? Profile { get; init; }

    [Id(1)]
    public ImmutableList<Dependant> Dependants { get; init; } = [];

    /// <summary>Every application id used so far, of any kind; ids are never reused.</summary>
    [Id(2)]
    public ImmutableList<string> ApplicationIds { get; init; } = [];

    [Id(3)]
    public RecognitionRecord? Recognition { get; init; }

    [Id(4)]
    public PermitRecord? Permit { get; init; }

    [Id(5)]
    public HouseholdRegistrationRecord? HouseholdRegistration { get; init; }

    [Id(6)]
    public ForeignResidenceRecord? ForeignResidence { get; init; }

    /// <summary>The record an imported applicant was created from; null for a case opened on the platform, which imports never touch.</summary>
    [Id(7)]
    public ImportSource? ImportedFrom { get; init; }

    [JsonIgnore]
    public bool HoldsPermit => Permit is { Status: ApplicationStatus.Approved };
}
