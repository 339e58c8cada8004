using Cases.Domain.Deciders;

namespace Cases.Domain.Enterprises;

/// <summary>Deciding and applying an enterprise's progress milestones (parks Q&amp;A: funding, patents, staff, revenue; Art. 10: tax).</summary>
internal static class EnterpriseMilestones
{
    public static Decision<IEnterpriseEvent> Record(EnterpriseState state, RecordMilestone m, DateOnly today)
    {
        if (!Enum.IsDefined(m.Kind))
            return EnterpriseDecider.Reject("kind-invalid", $"Unknown milestone kind {m.Kind}.");
        var perYear = m.Kind is MilestoneKind.Revenue or MilestoneKind.TaxPaid;
        if (perYear && m.Year is null)
            return EnterpriseDecider.Reject("year-missing", $"{m.Kind} is recorded for a calendar year.");
        if (!perYear && m.Year is not null)
            return EnterpriseDecider.Reject("year-unexpected", $"{m.Kind} is not recorded per year.");
        if (m.Year > today.Year)
            return EnterpriseDecider.Reject("year-in-future", $"{m.Year} has not begun.");
        // A funding round raises money and a patent milestone grants at least one; staff, revenue and tax may be zero.
        var positive = m.Kind is MilestoneKind.FundingRound or MilestoneKind.Patent;
        if (positive ? m.Value <= 0 : m.Value < 0)
            return EnterpriseDecider.Reject("value-invalid", $"{m.Kind} needs a {(positive ? "positive" : "non-negative")} value.");
        if (MilestoneTotals.Problem(state.FundingRaisedCny, state.Patents, m.Kind, m.Value) is { } overflow)
            return EnterpriseDecider.Reject(MilestoneTotals.Overflow, overflow);
        return EnterpriseDecider.Accept(new MilestoneRecorded(state.CurrentParkKey, m.Kind, m.Value, m.Year, m.Reference, today));
    }

    public static EnterpriseState Apply(EnterpriseState state, MilestoneRecorded m) => m.Kind switch
    {
        MilestoneKind.FundingRound => state with { FundingRounds = checked(state.FundingRounds + 1), FundingRaisedCny = checked(state.FundingRaisedCny + m.Value) },
        MilestoneKind.Patent => state with { Patents = checked(state.Patents + (int)m.Value) },
        MilestoneKind.StaffCount => state with { StaffCount = m.Value },
        // A later figure for the same year is a correction and replaces the earlier one.
        MilestoneKind.Revenue => state with { RevenueByYear = state.RevenueByYear.SetItem(m.Year!.Value, m.Value) },
        MilestoneKind.TaxPaid => state with { TaxPaidByYear = state.TaxPaidByYear.SetItem(m.Year!.Value, m.Value) },
        _ => state,
    };
}
