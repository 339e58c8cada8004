using Orleans;

namespace Cases.Grains.Contracts;

/// <summary>A grain hosting a pure decider over its journal stream: commands are decided one after another and committed durably.</summary>
public interface IDeciderGrain<TState, TCommand> : IGrainWithStringKey
{
    /// <summary>Decides a command and answers once its outcome is durable; a retried command id returns the first outcome and appends nothing.</summary>
    Task<CommandResult> Execute(TCommand command, CommandMeta? meta = null);

    /// <summary>The grain's committed state and version.</summary>
    Task<CommittedState<TState>> GetState();
}
