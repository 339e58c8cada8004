using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>One park's statistics: its enterprises' stages and reported figures, admissions, exits, milestone totals, talent teams and evaluations.</summary>
/// <remarks>Years are the events' own domain dates (the city's calendar), never UTC recording times.</remarks>
[GenerateSerializer]
public sealed class ParkStatisticsState : ReadModelState
{
    /// <summary>Every enterprise ever on the roster, by key: its stage and the figures that replace rather than add up.</summary>
    [Id(0)]
    public SortedDictionary<string, ParkEnterpriseFigures> Enterprises { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Roster admissions (re-admissions included) by the year of the admission date.</summary>
    [Id(1)]
    public SortedDictionary<int, long> AdmissionsByYear { get; set; } = [];

    /// <summary>Graduations by the year of the graduation date.</summary>
    [Id(2)]
    public SortedDictionary<int, long> GraduationsByYear { get; set; } = [];

    /// <summary>Exits without graduating by the year of the exit date.</summary>
    [Id(3)]
    public SortedDictionary<int, long> ExitsByYear { get; set; } = [];

    /// <summary>Admissions a founder consented to after the operator proposed them.</summary>
    [Id(4)]
    public long ConsentedAdmissions { get; set; }

    /// <summary>Admissions an officer decided with a reason.</summary>
    [Id(5)]
    public long OfficerAdmissions { get; set; }

    /// <summary>Admissions decided before the platform and imported.</summary>
    [Id(6)]
    public long ImportedAdmissions { get; set; }

    /// <summary>Funding rounds closed by the roster's enterprises while in the park.</summary>
    [Id(7)]
    public long FundingRounds { get; set; }

    /// <summary>What those rounds raised, in CNY.</summary>
    [Id(8)]
    public long FundingRaisedCny { get; set; }

    /// <summary>Patents granted to the roster's enterprises while in the park.</summary>
    [Id(9)]
    public long Patents { get; set; }

    /// <summary>Talent teams by the year they were attracted.</summary>
    [Id(10)]
    public SortedDictionary<int, long> TalentTeamsByYear { get; set; } = [];

    /// <summary>The annual evaluations by evaluated year; a later evaluation of the same year replaces the earlier.</summary>
    [Id(11)]
    public SortedDictionary<int, ParkEvaluationFigures> Evaluations { get; set; } = [];

    /// <summary>The evaluation year of the latest accreditation, or null when the park was never accredited.</summary>
    [Id(12)]
    public int? AccreditedOnEvaluationYear { get; set; }

    /// <summary>The city's date of the latest accreditation.</summary>
    [Id(13)]
    public DateOnly? AccreditedOn { get; set; }
}
