using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>One annual evaluation in a park's statistics: its score and whether it was outstanding (parks Q&amp;A).</summary>
[GenerateSerializer]
public sealed class ParkEvaluationFigures
{
    /// <summary>The score out of 100.</summary>
    [Id(0)]
    public int Score { get; set; }

    /// <summary>Whether the score reached the outstanding mark (the evaluation passed).</summary>
    [Id(1)]
    public bool Outstanding { get; set; }
}
