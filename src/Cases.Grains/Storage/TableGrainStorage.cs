using Cases.Journal.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Cases.Grains.Storage;

/// <summary>Orleans grain storage over our <see cref="IGrainStateTable"/>: the state serialized by the silo's grain storage serializer, one row per grain and state.</summary>
/// <remarks>Rows are keyed by the grain id's type and key as text (e.g. <c>housing-view</c>, <c>P-1</c>), so an operator can read them;
/// a state other than the conventional <c>state</c> appends its name to the type (<c>housing-view/other</c>).
/// A write on a stale ETag is Orleans' <see cref="InconsistentStateException"/>, as with every Orleans provider.</remarks>
public sealed partial class TableGrainStorage(
    IGrainStateTable table,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    ILogger<TableGrainStorage> logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The state name that maps to the bare grain type (<c>[PersistentState("state")]</c>).</summary>
    public const string DefaultStateName = "state";

    private Task? _initialized;

    /// <summary>The row's grain type for a grain and state name.</summary>
    public static string RowType(string stateName, GrainId grainId) =>
        stateName == DefaultStateName ? grainId.Type.ToString()! : $"{grainId.Type}/{stateName}";

    /// <summary>The row's grain id: the grain key as text.</summary>
    public static string RowId(GrainId grainId) => grainId.Key.ToString()!;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.ReadAsync(RowType(stateName, grainId), RowId(grainId), cancellationToken).ConfigureAwait(false);
        grainState.State = row is null ? Create<T>() : serializer.Deserialize<T>(row.State) ?? Create<T>();
        grainState.ETag = row?.ETag;
        grainState.RecordExists = row is not null;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var bytes = serializer.Serialize(grainState.State).ToMemory();
        try
        {
            grainState.ETag = await table.WriteAsync(RowType(stateName, grainId), RowId(grainId), grainState.ETag, bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (GrainStateConflictException e)
        {
            throw Inconsistent(e);
        }
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.ClearAsync(RowType(stateName, grainId), RowId(grainId), grainState.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (GrainStateConflictException e)
        {
            throw Inconsistent(e);
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Create<T>();
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TableGrainStorage), ServiceLifecycleStage.ApplicationServices, OpenAsync);

    // The silo starts even when the table cannot be opened yet (as with the journal): each use tries again until it opens.
    private async Task OpenAsync(CancellationToken ct)
    {
        try
        {
            await EnsureInitializedAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogOpenFailed(logger, e.Message);
        }
    }

    private Task EnsureInitializedAsync(CancellationToken ct)
    {
        var current = Volatile.Read(ref _initialized);
        if (current is not null && !current.IsFaulted && !current.IsCanceled)
            return current.WaitAsync(ct);
        var attempt = table.InitializeAsync(CancellationToken.None);
        // Of callers racing after a failure, one attempt is kept and all of them await it.
        var previous = Interlocked.CompareExchange(ref _initialized, attempt, current);
        return (ReferenceEquals(previous, current) ? attempt : previous!).WaitAsync(ct);
    }

    private T Create<T>() => activators.GetActivator<T>().Create();

    // Orleans names the stored ETag first and the one the activation held second.
    private static InconsistentStateException Inconsistent(GrainStateConflictException e) => new(e.Message, e.Actual, e.Expected, e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot open the grain state table yet; each read model's use tries again: {Reason}")]
    private static partial void LogOpenFailed(ILogger logger, string reason);
}
