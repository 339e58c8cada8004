namespace Cases.Domain.Enterprises;

/// <summary>The running totals milestones add to (funding raised, patents granted), refused past what they can hold rather than wrapped negative.</summary>
internal static class MilestoneTotals
{
    public const string Overflow = "total-overflow";

    /// <summary>Why adding the milestone would overflow the totals, or null when it fits.</summary>
    public static string? Problem(long fundingRaisedCny, int patents, MilestoneKind kind, long value) => kind switch
    {
        MilestoneKind.FundingRound when value > long.MaxValue - fundingRaisedCny =>
            $"Funding of CNY {value} would take the total of CNY {fundingRaisedCny} past what can be recorded.",
        MilestoneKind.Patent when value > int.MaxValue - patents =>
            $"{value} patents would take the count of {patents} past what can be recorded.",
        _ => null,
    };
}
