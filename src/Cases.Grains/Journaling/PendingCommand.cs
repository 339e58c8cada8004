using Cases.Domain.Deciders;
using Cases.Grains.Contracts;

namespace Cases.Grains.Journaling;

/// <summary>One command queued at a grain with its caller's completion.</summary>
internal sealed class PendingCommand(object? command, CommandContext context)
{
    private readonly TaskCompletionSource<CommandResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public object? Command { get; } = command;

    public CommandContext Context { get; } = context;

    public Task<CommandResult> Completion => _completion.Task;

    public bool IsDone => _completion.Task.IsCompleted;

    public void Complete(CommandResult result) => _completion.TrySetResult(result);

    public void Fail(Exception error) => _completion.TrySetException(error);
}
