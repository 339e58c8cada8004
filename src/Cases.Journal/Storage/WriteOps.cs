namespace Cases.Journal.Storage;

/// <summary>A write waiting for a group-committing store's next transaction, with the caller's completion; shared by every store's writer.</summary>
public abstract class WriteOp
{
    public abstract void Fail(Exception error);
}

/// <summary>A queued append; its completion carries the store's answer.</summary>
public sealed class AppendOp(AppendRequest request) : WriteOp
{
    public AppendRequest Request { get; } = request;

    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Completion.TrySetException(error);
}

/// <summary>A queued snapshot save.</summary>
public sealed class SnapshotOp(Snapshot snapshot) : WriteOp
{
    public Snapshot Snapshot { get; } = snapshot;

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Completion.TrySetException(error);
}

/// <summary>A queued checkpoint save.</summary>
public sealed class CheckpointOp(string name, long position) : WriteOp
{
    public string Name { get; } = name;

    public long Position { get; } = position;

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Completion.TrySetException(error);
}
