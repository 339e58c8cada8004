using Cases.Domain.Enterprises;
using Cases.Domain.Parks;
using Cases.Journal.Events;

namespace Cases.Domain.ReadModels;

/// <summary>Park roster statistics: one partition per park, fed by the park's own timeline and by the admissions its enterprises' timelines name.</summary>
/// <remarks>The roster's events (parks Q&amp;A: admission, incubation progress, graduation, exit, talent teams, evaluation) come from the park's stream;
/// only an admission's route (consented, decided by an officer, imported) is read from the enterprise, which names the park on that event.
/// A start-up grant (Art. 5) names the enterprise but not its park, so no grant reaches a park's partition and none is counted.</remarks>
public sealed class ParkStatistics : Projection<ParkStatisticsState>
{
    /// <summary>The grain type of the parks' statistics.</summary>
    public const string GrainType = "park-statistics";

    private readonly ParkDecider _parks;
    private readonly EnterpriseDecider _enterprises;

    /// <summary>The park statistics of a programme, folding its parks' and enterprises' events.</summary>
    public ParkStatistics(Programme programme)
    {
        _parks = programme.Parks;
        _enterprises = programme.Enterprises;
        On<ParkState, IParkCommand, IParkEvent, EnterpriseAddedToRoster>(_parks);
        On<ParkState, IParkCommand, IParkEvent, RosterStageUpdated>(_parks);
        On<ParkState, IParkCommand, IParkEvent, RosterMilestoneRecorded>(_parks);
        On<ParkState, IParkCommand, IParkEvent, TalentTeamRecorded>(_parks);
        On<ParkState, IParkCommand, IParkEvent, ParkEvaluated>(_parks);
        On<ParkState, IParkCommand, IParkEvent, ParkAccredited>(_parks);
        On<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent, ParkAdmissionConsented>(_enterprises);
        On<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent, ParkAdmissionDecided>(_enterprises);
        On<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent, ParkAdmissionImported>(_enterprises);
    }

    /// <inheritdoc />
    public override string Name => GrainType;

    /// <inheritdoc />
    public override IEnumerable<string> PartitionsOf(StoredEvent e)
    {
        if (e.StreamId.StartsWith(ParkDecider.Type + "/", StringComparison.Ordinal))
            return [e.StreamId[(ParkDecider.Type.Length + 1)..]];
        return _enterprises.Deserialize(e) switch
        {
            ParkAdmissionConsented c => [c.ParkKey],
            ParkAdmissionDecided d => [d.ParkKey],
            ParkAdmissionImported i => [i.ParkKey],
            _ => [],
        };
    }

    /// <inheritdoc />
    protected override void Apply(ParkStatisticsState state, string partition, StoredEvent e)
    {
        if (!e.StreamId.StartsWith(ParkDecider.Type + "/", StringComparison.Ordinal))
        {
            CountRoute(state, _enterprises.Deserialize(e));
            return;
        }
        switch (_parks.Deserialize(e))
        {
            case EnterpriseAddedToRoster a:
                Figures(state, a.EnterpriseKey).Stage = RosterStage.Admitted;
                Increment(state.AdmissionsByYear, a.On.Year);
                break;
            case RosterStageUpdated u:
                Figures(state, u.EnterpriseKey).Stage = u.To;
                if (u.To == RosterStage.Graduated)
                    Increment(state.GraduationsByYear, u.On.Year);
                else if (u.To == RosterStage.Left)
                    Increment(state.ExitsByYear, u.On.Year);
                break;
            case RosterMilestoneRecorded m:
                AddMilestone(state, m);
                break;
            case TalentTeamRecorded t:
                Increment(state.TalentTeamsByYear, t.AttractedOn.Year);
                break;
            case ParkEvaluated v:
                state.Evaluations[v.Year] = new ParkEvaluationFigures { Score = v.Score, Outstanding = v.Evaluation.Passed };
                break;
            case ParkAccredited c:
                (state.AccreditedOnEvaluationYear, state.AccreditedOn) = (c.EvaluationYear, c.AccreditedOn);
                break;
        }
    }

    private static void CountRoute(ParkStatisticsState state, IEnterpriseEvent e)
    {
        switch (e)
        {
            case ParkAdmissionConsented:
                state.ConsentedAdmissions++;
                break;
            case ParkAdmissionDecided:
                state.OfficerAdmissions++;
                break;
            case ParkAdmissionImported:
                state.ImportedAdmissions++;
                break;
        }
    }

    private static void AddMilestone(ParkStatisticsState state, RosterMilestoneRecorded m)
    {
        // The park decider refuses funding past what the park's total holds, and patents are ints per enterprise, so these sums fit.
        switch (m.Kind)
        {
            case MilestoneKind.FundingRound:
                state.FundingRounds++;
                state.FundingRaisedCny = checked(state.FundingRaisedCny + m.Value);
                break;
            case MilestoneKind.Patent:
                state.Patents = checked(state.Patents + m.Value);
                break;
            case MilestoneKind.StaffCount:
                Figures(state, m.EnterpriseKey).StaffCount = m.Value;
                break;
            case MilestoneKind.Revenue when m.Year is { } year:
                Figures(state, m.EnterpriseKey).RevenueByYear[year] = m.Value;
                break;
        }
    }

    private static ParkEnterpriseFigures Figures(ParkStatisticsState state, string enterpriseKey)
    {
        if (!state.Enterprises.TryGetValue(enterpriseKey, out var figures))
            state.Enterprises[enterpriseKey] = figures = new ParkEnterpriseFigures();
        return figures;
    }

    private static void Increment(SortedDictionary<int, long> byYear, int year) => byYear[year] = byYear.GetValueOrDefault(year) + 1;
}
