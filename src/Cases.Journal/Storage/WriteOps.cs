namespace Cases.Journal.Storage;

/// <summary>A write waiting for a group-committing store's next transaction, with the caller's completion; shared by every store's writer.</summary>
/// <remarks>Completions run continuations inline, so writers answer a committed batch in one thread-pool work item (<see cref="AnswerOffThread"/>),
/// never on their own threads: a grain then resumes on its scheduler after one hop, not two, and no caller can stall a writer.</remarks>
public abstract class WriteOp
{
    /// <summary>Fails the write; the caller resumes on the thread pool.</summary>
    public void Fail(Exception error) => AnswerOffThread(() => Failed(error));

    /// <summary>Fails the write from inside an answer already running off the store's threads.</summary>
    public void Failed(Exception error) => SetFailed(error);

    /// <summary>Runs a batch's answers on the thread pool, off the store's writer and sync threads.</summary>
    public static void AnswerOffThread(Action answers) => ThreadPool.UnsafeQueueUserWorkItem(static a => a(), answers, preferLocal: false);

    protected abstract void SetFailed(Exception error);
}

/// <summary>A queued append; its completion carries the store's answer.</summary>
public sealed class AppendOp(AppendRequest request) : WriteOp
{
    public AppendRequest Request { get; } = request;

    public TaskCompletionSource<AppendResult> Completion { get; } = new();

    protected override void SetFailed(Exception error) => Completion.TrySetException(error);
}

/// <summary>A queued snapshot save.</summary>
public sealed class SnapshotOp(Snapshot snapshot) : WriteOp
{
    public Snapshot Snapshot { get; } = snapshot;

    public TaskCompletionSource Completion { get; } = new();

    protected override void SetFailed(Exception error) => Completion.TrySetException(error);
}

/// <summary>A queued checkpoint save.</summary>
public sealed class CheckpointOp(string name, long position) : WriteOp
{
    public string Name { get; } = name;

    public long Position { get; } = position;

    public TaskCompletionSource Completion { get; } = new();

    protected override void SetFailed(Exception error) => Completion.TrySetException(error);
}
