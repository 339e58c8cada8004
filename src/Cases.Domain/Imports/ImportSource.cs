using Orleans;

namespace Cases.Domain.Imports;

/// <summary>Where an imported fact came from: the system (or register) that decided it and the row's own id there.</summary>
/// <remarks>The file it travelled in is not part of it, so the same row arriving in another file is recognised as the same fact.</remarks>
[GenerateSerializer, Immutable]
[Alias("cases.ImportSource")]
public sealed record ImportSource
{
    /// <summary>The deciding system or register, e.g. "haidian-permits-2019".</summary>
    [Id(0)]
    public required string System { get; init; }

    /// <summary>The row's id in that system.</summary>
    [Id(1)]
    public required string RowId { get; init; }

    public override string ToString() => $"{System} row {RowId}";
}
