using Cases.Runtime.Grains;

namespace Cases.Runtime.Hosting;

/// <summary>A typed handle on one grain; cheap to make, valid whether or not the grain is active.</summary>
public readonly struct GrainRef<TState, TCommand> where TState : notnull where TCommand : notnull
{
    private readonly GrainRuntime _runtime;

    internal GrainRef(GrainRuntime runtime, GrainId id)
    {
        _runtime = runtime;
        Id = id;
    }

    public GrainId Id { get; }

    /// <summary>Sends a command and answers once its outcome is durable; a retried command id returns the first outcome.</summary>
    public Task<CommandResult> ExecuteAsync(TCommand command, CommandMeta? meta = null, CancellationToken ct = default) =>
        _runtime.SendCoreAsync(Id, command, meta, ct);

    /// <summary>The grain's committed state; read-only, so it may interleave with a command in progress.</summary>
    public Task<GrainState<TState>> GetStateAsync(CancellationToken ct = default) => _runtime.ReadAsync<TState>(Id, ct);
}
