using Cases.Runtime.Storage;

namespace Cases.Storage.Postgres;

/// <summary>A write waiting for the next group commit, with the caller's completion.</summary>
internal abstract class WriteOp
{
    public abstract void Fail(Exception error);
}

internal sealed class AppendOp(AppendRequest request) : WriteOp
{
    public AppendRequest Request { get; } = request;

    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Completion.TrySetException(error);
}

internal sealed class SnapshotOp(Snapshot snapshot) : WriteOp
{
    public Snapshot Snapshot { get; } = snapshot;

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Completion.TrySetException(error);
}

internal sealed class CheckpointOp(string name, long position) : WriteOp
{
    public string Name { get; } = name;

    public long Position { get; } = position;

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Completion.TrySetException(error);
}
