using Cases.Runtime.Grains;

namespace Cases.Runtime.Hosting;

/// <summary>One command waiting in an activation's mailbox with the caller's completion.</summary>
internal sealed class WorkItem(object command, CommandContext context)
{
    private readonly TaskCompletionSource<CommandResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public object Command { get; } = command;

    public CommandContext Context { get; } = context;

    public Task<CommandResult> Completion => _completion.Task;

    public bool IsDone => _completion.Task.IsCompleted;

    public void Complete(CommandResult result) => _completion.TrySetResult(result);

    public void Fail(Exception error) => _completion.TrySetException(error);
}
