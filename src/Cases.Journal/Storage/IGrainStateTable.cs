namespace Cases.Journal.Storage;

/// <summary>Orleans grain state kept beside the journal: one opaque row per grain, replaced only on the ETag its writer read.</summary>
/// <remarks>The read models keep their state here through Orleans' <c>IGrainStorage</c>; the journal's own tables never hold it.</remarks>
public interface IGrainStateTable
{
    /// <summary>Creates the table if it does not exist; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken ct = default);

    /// <summary>The grain's stored state and its ETag, or null when none was written (or it was cleared).</summary>
    Task<GrainStateRow?> ReadAsync(string grainType, string grainId, CancellationToken ct = default);

    /// <summary>Writes the state if the stored ETag is <paramref name="expectedETag"/> (null: no row yet) and answers the new ETag; otherwise throws <see cref="GrainStateConflictException"/>.</summary>
    Task<string> WriteAsync(string grainType, string grainId, string? expectedETag, ReadOnlyMemory<byte> state, CancellationToken ct = default);

    /// <summary>Deletes the row if the stored ETag is <paramref name="expectedETag"/>; otherwise throws <see cref="GrainStateConflictException"/>.</summary>
    Task ClearAsync(string grainType, string grainId, string? expectedETag, CancellationToken ct = default);
}

/// <summary>A grain's stored state and the ETag that a later write must name.</summary>
public sealed record GrainStateRow(byte[] State, string ETag);

/// <summary>A grain state write named an ETag that is no longer the stored one: another activation wrote first.</summary>
public sealed class GrainStateConflictException(string grainType, string grainId, string? expected, string? actual)
    : Exception($"Grain state of {grainType}/{grainId} was expected at ETag '{expected ?? "(none)"}' but is at '{actual ?? "(none)"}'.")
{
    public string? Expected { get; } = expected;

    public string? Actual { get; } = actual;
}
