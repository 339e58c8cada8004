using System.Diagnostics;
using Cases.Domain.Deciders;
using Cases.Grains.Contracts;

namespace Cases.Grains.Journaling;

/// <summary>One command queued at a grain with its caller's completion; a delivery from a decision stream is retried until it lands instead of failing.</summary>
internal sealed class PendingCommand(object? command, CommandContext context, bool isDelivery)
{
    // Completed on the grain's own turn, so the caller's continuation (Orleans sending the answer) may run inline: one thread hop fewer per command.
    private readonly TaskCompletionSource<CommandResult> _completion = new();

    public object? Command { get; } = command;

    public CommandContext Context { get; } = context;

    /// <summary>The caller's trace context when the command was queued; the events it stores carry it to their stream deliveries.</summary>
    public string? TraceParent { get; } = Activity.Current?.Id;

    /// <summary>True for a decision-stream delivery: held and retried on failure, never failed back.</summary>
    public bool IsDelivery { get; } = isDelivery;

    /// <summary>The command's fingerprint, computed when it is first decided (see <see cref="CommandFingerprint"/>).</summary>
    public byte[]? Fingerprint { get; set; }

    public Task<CommandResult> Completion => _completion.Task;

    public bool IsDone => _completion.Task.IsCompleted;

    public void Complete(CommandResult result) => _completion.TrySetResult(result);

    public void Fail(Exception error) => _completion.TrySetException(error);
}
