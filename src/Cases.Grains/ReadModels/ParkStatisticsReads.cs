using Cases.Domain.Rules;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Orleans;

namespace Cases.Grains.ReadModels;

/// <summary>Reads a park's statistics from its one partition, whatever the log's length.</summary>
public static class ParkStatisticsReads
{
    /// <summary>The park's statistics as of <paramref name="today"/> in the city's calendar; talent teams over the evaluation's window (parks Q&amp;A).</summary>
    public static async Task<ParkStatisticsSummary> SummaryAsync(IGrainFactory grains, RuleSet rules, string parkKey, DateOnly today)
    {
        var state = (ParkStatisticsState)await grains.GetGrain<IParkStatisticsGrain>(parkKey).GetState();
        return ParkStatisticsSummary.Of(parkKey, state, today, rules.ParkEvaluationWindowYears);
    }
}
