namespace Cases.Domain.ReadModels;

/// <summary>The programme's read models, each fed from the journal's log by the decision streams and rebuildable from it.</summary>
public sealed class ProgrammeReadModels
{
    public ProgrammeReadModels(Programme programme)
    {
        OfficerQueue = new OfficerQueue(programme);
        IntakeDashboard = new IntakeDashboard(programme);
        CausationIndex = new CausationIndex(programme);
        ParkStatistics = new ParkStatistics(programme);
        SearchIndex = new SearchIndex(programme);
        All = [OfficerQueue, IntakeDashboard, CausationIndex, ParkStatistics, SearchIndex];
        var duplicate = All.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Read model name '{duplicate.Key}' is used twice.", nameof(programme));
    }

    public OfficerQueue OfficerQueue { get; }

    public IntakeDashboard IntakeDashboard { get; }

    public CausationIndex CausationIndex { get; }

    /// <summary>Each park's roster statistics.</summary>
    public ParkStatistics ParkStatistics { get; }

    /// <summary>Staff search: terms to the cases that hold them.</summary>
    public SearchIndex SearchIndex { get; }

    /// <summary>Every read model, in the order a rebuild folds them.</summary>
    public IReadOnlyList<Projection> All { get; }
}
