using Cases.Domain.Enterprises;
using Cases.Domain.Parks;
using Cases.Domain.ReadModels;

namespace Cases.Silo.WebConsole;

/// <summary>One enterprise as the park's roster page shows it.</summary>
public sealed record RosterRow(
    string EnterpriseKey, string Name, IReadOnlyList<string> Founders, RosterStage Stage, int MonthsIncubated,
    long FundingCny, long? Staff, DateOnly? LastMilestone);

/// <summary>The roster page: rows after filter and sort, the chosen filter, the chart series, and the park's statistics.</summary>
public sealed record RosterModel(
    string ParkKey, IReadOnlyList<RosterRow> Rows, string? Stage, string? Text, string Sort, bool Descending,
    IReadOnlyList<(string Label, long Value)> ByStage, IReadOnlyList<(string Label, long Value)> FundingOverTime, ParkStatisticsSummary Statistics);

/// <summary>An enterprise's page: its row, its loan interest subsidies by loan reference, and its timeline.</summary>
public sealed record EnterpriseModel(string ParkKey, RosterRow Row, IReadOnlyList<(string Reference, LoanInterestSubsidy Loan)> Loans, IReadOnlyList<TimelineRow> Timeline);

/// <summary>One event of a timeline as pages list it; <paramref name="CausationId"/> is an event id or a client's own id.</summary>
public sealed record TimelineRow(long Version, Guid EventId, string EventType, DateTimeOffset RecordedAt, string Actor, string Payload, string? CausationId)
{
    /// <summary>The id of the event that caused this one, when the causation id can be one (the index then says whether it is).</summary>
    public Guid? CauseId => Guid.TryParse(CausationId, out var id) && id != EventId ? id : null;
}
