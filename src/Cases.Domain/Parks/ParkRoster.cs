using Cases.Domain.Enterprises;
using Cases.Domain.Deciders;

namespace Cases.Domain.Parks;

/// <summary>Deciding and applying roster changes; built for at-least-once stream delivery, so repeats are no-op accepts.</summary>
internal static class ParkRoster
{
    public static Decision<IParkEvent> Add(ParkState state, AddToRoster add)
    {
        if (string.IsNullOrWhiteSpace(add.EnterpriseKey))
            return ParkDecider.Reject("enterprise-missing", "Name the enterprise.");
        if (!state.Roster.TryGetValue(add.EnterpriseKey, out var entry) || entry.Stage == RosterStage.Left)
            return ParkDecider.Accept(new EnterpriseAddedToRoster(add.EnterpriseKey, add.On));
        return entry.IsActive
            ? ParkDecider.Accept() // Already on the roster: a redelivered admission changes nothing.
            : ParkDecider.Reject("already-graduated", $"{add.EnterpriseKey} graduated from this park on {entry.EndedOn}.");
    }

    public static Decision<IParkEvent> UpdateStage(ParkState state, string enterpriseKey, RosterStage stage, DateOnly on, string? reason)
    {
        if (!state.Roster.TryGetValue(enterpriseKey, out var entry))
            return ParkDecider.Reject("not-on-roster", $"{enterpriseKey} is not on the park's roster.");
        if (entry.Stage == stage)
            return ParkDecider.Accept(); // Already there: a redelivered change is a no-op.
        // Stages only move forward: admitted → incubating → graduated or left; re-admission goes through AddToRoster.
        return entry.IsActive && stage != RosterStage.Admitted && Enum.IsDefined(stage)
            ? ParkDecider.Accept(new RosterStageUpdated(enterpriseKey, entry.Stage, stage, on, reason))
            : ParkDecider.Reject("invalid-stage-transition", $"{enterpriseKey} cannot move from {entry.Stage} to {stage}.");
    }

    public static Decision<IParkEvent> RecordMilestone(ParkState state, RecordRosterMilestone m)
    {
        if (!state.Roster.TryGetValue(m.EnterpriseKey, out var entry))
            return ParkDecider.Reject("not-on-roster", $"{m.EnterpriseKey} is not on the park's roster.");
        if (!entry.IsActive)
            return ParkDecider.Reject("not-incubating", $"{m.EnterpriseKey} is no longer incubated here ({entry.Stage}).");
        if (m.Value < 0 || !Enum.IsDefined(m.Kind))
            return ParkDecider.Reject("milestone-invalid", "A milestone has a known kind and a non-negative value.");
        if (m.Kind is MilestoneKind.Revenue or MilestoneKind.TaxPaid && m.Year is null)
            return ParkDecider.Reject("year-missing", $"{m.Kind} is recorded for a calendar year.");
        if (MilestoneTotals.Problem(entry.FundingRaisedCny, entry.Patents, m.Kind, m.Value) is { } overflow)
            return ParkDecider.Reject(MilestoneTotals.Overflow, overflow);
        // The park's funding over time adds every enterprise's rounds, so that sum must fit as well.
        if (m.Kind == MilestoneKind.FundingRound && MilestoneTotals.Problem(ParkFunding(state), 0, m.Kind, m.Value) is { } parkOverflow)
            return ParkDecider.Reject(MilestoneTotals.Overflow, $"Across the park: {parkOverflow}");
        var recorded = new RosterMilestoneRecorded(m.EnterpriseKey, m.Kind, m.Value, m.Year, m.On);
        // The first recorded progress is what starts incubation proper.
        return entry.Stage == RosterStage.Admitted
            ? ParkDecider.Accept(recorded, new RosterStageUpdated(m.EnterpriseKey, RosterStage.Admitted, RosterStage.Incubating, m.On, "progress recorded"))
            : ParkDecider.Accept(recorded);
    }

    private static long ParkFunding(ParkState state) => state.Roster.Values.Sum(e => e.FundingRaisedCny);

    public static ParkState Apply(ParkState state, EnterpriseAddedToRoster a) => state with
    {
        Roster = state.Roster.SetItem(a.EnterpriseKey, state.Roster.TryGetValue(a.EnterpriseKey, out var earlier)
            ? earlier with { Stage = RosterStage.Admitted, AdmittedOn = a.On, EndedOn = null }
            : RosterEntry.Admitted(a.EnterpriseKey, a.On)),
    };

    public static ParkState Apply(ParkState state, RosterStageUpdated u)
    {
        var entry = state.Roster[u.EnterpriseKey];
        var ended = u.To is RosterStage.Graduated or RosterStage.Left ? u.On : entry.EndedOn;
        return state with { Roster = state.Roster.SetItem(u.EnterpriseKey, entry with { Stage = u.To, EndedOn = ended }) };
    }

    public static ParkState Apply(ParkState state, RosterMilestoneRecorded m)
    {
        var current = state.Roster[m.EnterpriseKey];
        var e = current with { ProgressDates = current.ProgressDates.Add(m.On) };
        e = m.Kind switch
        {
            MilestoneKind.FundingRound => e with { FundingRounds = checked(e.FundingRounds + 1), FundingRaisedCny = checked(e.FundingRaisedCny + m.Value) },
            MilestoneKind.Patent => e with { Patents = checked(e.Patents + (int)m.Value) },
            MilestoneKind.StaffCount => e with { StaffCount = m.Value },
            MilestoneKind.Revenue => e with { RevenueByYear = e.RevenueByYear.SetItem(m.Year!.Value, m.Value) },
            MilestoneKind.TaxPaid => e with { TaxPaidByYear = e.TaxPaidByYear.SetItem(m.Year!.Value, m.Value) },
            _ => e,
        };
        return state with { Roster = state.Roster.SetItem(m.EnterpriseKey, e) };
    }
}
