using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>One hour (UTC) of the intake dashboard: registrations, applications that wait for an officer, and officers' decisions, per minute.</summary>
[GenerateSerializer]
public sealed class IntakeHourState : ReadModelState
{
    [Id(0)]
    public long[] Registrations { get; set; } = new long[60];

    [Id(1)]
    public long[] Applications { get; set; } = new long[60];

    [Id(2)]
    public long[] Decisions { get; set; } = new long[60];
}
