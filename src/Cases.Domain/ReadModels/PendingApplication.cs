using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>An application that passed its rules and waits for an officer, as the officers' queue lists it.</summary>
[GenerateSerializer]
public sealed class PendingApplication
{
    /// <summary>What is applied for: <see cref="ApplicationKinds"/>.</summary>
    [Id(0)]
    public string Kind { get; set; } = "";

    [Id(1)]
    public string ApplicantKey { get; set; } = "";

    /// <summary>The permit id or household registration application id.</summary>
    [Id(2)]
    public string ApplicationId { get; set; } = "";

    /// <summary>The application's place in the global log: the queue's order, oldest first.</summary>
    [Id(3)]
    public long Position { get; set; }

    [Id(4)]
    public DateTimeOffset AppliedAt { get; set; }

    /// <summary>The applicant's home district when applying; null for applications recorded before it was kept.</summary>
    [Id(5)]
    public string? District { get; set; }

    /// <summary>The rule set version the application was evaluated under.</summary>
    [Id(6)]
    public string RuleSetVersion { get; set; } = "";

    /// <summary>The rule conditions the application met.</summary>
    [Id(7)]
    public List<PendingCondition> Conditions { get; set; } = [];
}
