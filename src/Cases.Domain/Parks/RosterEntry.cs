using System.Collections.Immutable;
using Orleans;

namespace Cases.Domain.Parks;

/// <summary>One enterprise on a park's roster: its stage, when it got there, and its progress counters.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RosterEntry")]
public sealed record RosterEntry(
    string EnterpriseKey,
    RosterStage Stage,
    DateOnly AdmittedOn,
    DateOnly? EndedOn,
    int FundingRounds,
    long FundingRaisedCny,
    int Patents,
    long? StaffCount,
    ImmutableDictionary<int, long> RevenueByYear,
    ImmutableDictionary<int, long> TaxPaidByYear,
    ImmutableList<DateOnly> ProgressDates)
{
    /// <summary>A fresh entry for an enterprise admitted on the given day.</summary>
    public static RosterEntry Admitted(string enterpriseKey, DateOnly on) => new(
        enterpriseKey, RosterStage.Admitted, on, null, 0, 0, 0, null,
        ImmutableDictionary<int, long>.Empty, ImmutableDictionary<int, long>.Empty, []);

    /// <summary>Whether the entry is still in incubation (admitted or incubating).</summary>
    public bool IsActive => Stage is RosterStage.Admitted or RosterStage.Incubating;
}
