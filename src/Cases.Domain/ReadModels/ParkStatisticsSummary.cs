using Cases.Domain.Parks;

namespace Cases.Domain.ReadModels;

/// <summary>What a park's operator and the programme's officers read of a park: enterprises by stage, admissions and exits by year, milestone totals, talent teams and evaluations.</summary>
/// <param name="AppliedThrough">The journal's log position the figures are folded through.</param>
public sealed record ParkStatisticsSummary(
    string ParkKey,
    long AppliedThrough,
    RosterStageCounts Enterprises,
    AdmissionRoutes AdmissionRoutes,
    IReadOnlyList<YearCount> AdmissionsByYear,
    IReadOnlyList<YearCount> GraduationsByYear,
    IReadOnlyList<YearCount> ExitsByYear,
    MilestoneTotalsSummary Milestones,
    TalentTeamWindow TalentTeams,
    IReadOnlyList<EvaluationSummary> Evaluations,
    int? AccreditedOnEvaluationYear,
    DateOnly? AccreditedOn)
{
    /// <summary>Summarizes a partition's state as of <paramref name="today"/> (the city's date), with talent teams over the evaluation's window of years.</summary>
    public static ParkStatisticsSummary Of(string parkKey, ParkStatisticsState state, DateOnly today, int windowYears) => new(
        parkKey,
        state.AppliedThrough,
        RosterStageCounts.Of(state.Enterprises.Values),
        new AdmissionRoutes(state.ConsentedAdmissions, state.OfficerAdmissions, state.ImportedAdmissions),
        YearCount.Of(state.AdmissionsByYear),
        YearCount.Of(state.GraduationsByYear),
        YearCount.Of(state.ExitsByYear),
        MilestoneTotalsSummary.Of(state),
        TalentTeamWindow.Of(state.TalentTeamsByYear, today.Year, windowYears),
        [.. state.Evaluations.Select(e => new EvaluationSummary(e.Key, e.Value.Score, e.Value.Outstanding))],
        state.AccreditedOnEvaluationYear,
        state.AccreditedOn);
}

/// <summary>A count for one calendar year of the city.</summary>
public sealed record YearCount(int Year, long Count)
{
    /// <summary>The counts in year order.</summary>
    public static IReadOnlyList<YearCount> Of(SortedDictionary<int, long> byYear) => [.. byYear.Select(kv => new YearCount(kv.Key, kv.Value))];
}

/// <summary>How many enterprises ever on the roster stand at each stage now.</summary>
public sealed record RosterStageCounts(long Admitted, long Incubating, long Graduated, long Left)
{
    /// <summary>Every enterprise ever on the roster.</summary>
    public long Total => Admitted + Incubating + Graduated + Left;

    /// <summary>Counts the enterprises by their current stage.</summary>
    public static RosterStageCounts Of(IEnumerable<ParkEnterpriseFigures> enterprises)
    {
        var byStage = enterprises.GroupBy(e => e.Stage).ToDictionary(g => g.Key, g => (long)g.Count());
        return new(byStage.GetValueOrDefault(RosterStage.Admitted), byStage.GetValueOrDefault(RosterStage.Incubating),
            byStage.GetValueOrDefault(RosterStage.Graduated), byStage.GetValueOrDefault(RosterStage.Left));
    }
}

/// <summary>How the park's admissions were decided: a founder's consent to the operator's proposal, an officer's decision, or an import of an earlier decision.</summary>
public sealed record AdmissionRoutes(long Consented, long DecidedByOfficer, long Imported);

/// <summary>The roster's milestone totals (parks Q&amp;A: funding, patents, staff, revenue) over every enterprise ever on it.</summary>
/// <param name="Staff">The sum of each enterprise's latest reported headcount.</param>
/// <param name="StaffReportedBy">How many enterprises reported a headcount.</param>
/// <param name="RevenueByYear">Revenue in CNY per calendar year, summed over the enterprises' latest report for that year.</param>
public sealed record MilestoneTotalsSummary(long FundingRounds, long FundingRaisedCny, long Patents, decimal Staff, long StaffReportedBy, IReadOnlyList<YearAmount> RevenueByYear)
{
    /// <summary>Adds up the roster's figures.</summary>
    public static MilestoneTotalsSummary Of(ParkStatisticsState state)
    {
        var staffed = state.Enterprises.Values.Where(e => e.StaffCount is not null).ToList();
        // Summed as decimals: many enterprises' largest recordable figures together can exceed a long.
        var revenue = state.Enterprises.Values.SelectMany(e => e.RevenueByYear).GroupBy(kv => kv.Key).OrderBy(g => g.Key)
            .Select(g => new YearAmount(g.Key, g.Sum(kv => (decimal)kv.Value))).ToList();
        return new(state.FundingRounds, state.FundingRaisedCny, state.Patents, staffed.Sum(e => (decimal)e.StaffCount!.Value), staffed.Count, revenue);
    }
}

/// <summary>An amount in CNY for one calendar year.</summary>
public sealed record YearAmount(int Year, decimal AmountCny);

/// <summary>Talent teams attracted in the last <paramref name="Years"/> calendar years up to this one, the window the parks Q&amp;A evaluation counts.</summary>
/// <param name="ByYear">Every year of the window, oldest first, with zero for a year without a team.</param>
/// <param name="AllTime">Every team the park ever attracted.</param>
public sealed record TalentTeamWindow(int Years, int FromYear, int ToYear, IReadOnlyList<YearCount> ByYear, long InWindow, long AllTime)
{
    /// <summary>The window ending with <paramref name="thisYear"/>; as in <see cref="ParkEvaluationRule"/>, it holds whole calendar years.</summary>
    public static TalentTeamWindow Of(SortedDictionary<int, long> byYear, int thisYear, int years)
    {
        years = Math.Max(years, 1);
        var from = thisYear - years + 1;
        var window = Enumerable.Range(from, years).Select(y => new YearCount(y, byYear.GetValueOrDefault(y))).ToList();
        return new(years, from, thisYear, window, window.Sum(y => y.Count), byYear.Values.Sum());
    }
}

/// <summary>One annual evaluation: the year evaluated, its score of 100, and whether it was outstanding.</summary>
public sealed record EvaluationSummary(int Year, int Score, bool Outstanding);
