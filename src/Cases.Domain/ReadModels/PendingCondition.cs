using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>One rule condition of a pending application as the queue keeps it: a plain copy, so grain storage holds no domain collection types.</summary>
[GenerateSerializer]
public sealed class PendingCondition
{
    [Id(0)]
    public string Code { get; set; } = "";

    /// <summary>The article or measure the condition comes from.</summary>
    [Id(1)]
    public string Source { get; set; } = "";

    [Id(2)]
    public bool Passed { get; set; }

    [Id(3)]
    public string Reason { get; set; } = "";
}
