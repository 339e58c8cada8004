using Cases.Domain.Parks;
using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>One enterprise in a park's statistics: its roster stage and its latest staff count and yearly revenue, which a new report replaces.</summary>
[GenerateSerializer]
public sealed class ParkEnterpriseFigures
{
    /// <summary>Where the enterprise stands on the roster now.</summary>
    [Id(0)]
    public RosterStage Stage { get; set; }

    /// <summary>The latest headcount reported while on the roster, or null when none was.</summary>
    [Id(1)]
    public long? StaffCount { get; set; }

    /// <summary>Revenue in CNY by calendar year, as last reported for that year.</summary>
    [Id(2)]
    public SortedDictionary<int, long> RevenueByYear { get; set; } = [];
}
