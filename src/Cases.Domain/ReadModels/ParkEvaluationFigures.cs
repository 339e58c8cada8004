using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>One annual evaluation in a park's statistics: its score and whether it was outstanding (parks Q&amp;A).</summary>
[GenerateSerializer]
public sealed class ParkEvaluationFigures
{
    [Id(0)]
    public int Score { get; set; }

    [Id(1)]
    public bool Outstanding { get; set; }
}
