using Cases.Domain.Deciders;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Cases.Journal.Events;

namespace Cases.Grains.Tests.Support;

public interface ILedgerCommand;

[GenerateSerializer, Immutable]
public sealed record Deposit(long Amount) : ILedgerCommand;

[GenerateSerializer, Immutable]
public sealed record Withdraw(long Amount) : ILedgerCommand;

public interface ILedgerEvent;

public sealed record Deposited(long Amount, DateTimeOffset At) : ILedgerEvent;

public sealed record Withdrawn(long Amount) : ILedgerEvent;

/// <summary>The ledger's balance and the number of movements; immutable so reads can see it mid-turn.</summary>
[GenerateSerializer, Immutable]
public sealed record LedgerState(long Balance, int Movements, DateTimeOffset? LastDepositAt);

/// <summary>A minimal bank-account decider: enough rules to show rejections, re-decisions and replays.</summary>
public sealed class Ledger : Decider<LedgerState, ILedgerCommand, ILedgerEvent>
{
    public static readonly Ledger Instance = new();

    public override string GrainType => "ledger";

    public override LedgerState Initial => new(0, 0, null);

    public override Decision<ILedgerEvent> Decide(LedgerState state, ILedgerCommand command, CommandContext context) => command switch
    {
        Deposit { Amount: <= 0 } => Decision<ILedgerEvent>.Reject("amount", "A deposit must be positive."),
        Deposit d => Decision<ILedgerEvent>.Accept(new Deposited(d.Amount, context.Now)),
        Withdraw w when w.Amount > state.Balance =>
            Decision<ILedgerEvent>.Reject("insufficient", $"Balance {state.Balance} does not cover {w.Amount}."),
        Withdraw w => Decision<ILedgerEvent>.Accept(new Withdrawn(w.Amount)),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    public override LedgerState Evolve(LedgerState state, ILedgerEvent @event) => @event switch
    {
        Deposited d => state with { Balance = state.Balance + d.Amount, Movements = state.Movements + 1, LastDepositAt = d.At },
        Withdrawn w => state with { Balance = state.Balance - w.Amount, Movements = state.Movements + 1 },
        _ => state,
    };

    protected override void RegisterEvents(EventTypeRegistry<ILedgerEvent> events)
    {
        events.Add<Deposited>();
        events.Add<Withdrawn>();
    }
}

/// <summary>The ledger as an Orleans grain, the way every programme grain hosts its decider.</summary>
public interface ILedgerGrain : IDeciderGrain<LedgerState, ILedgerCommand>;

/// <inheritdoc cref="ILedgerGrain" />
[GrainType("ledger")]
public sealed class LedgerGrain(GrainJournal journal) : DeciderGrain<LedgerState, ILedgerCommand, ILedgerEvent>(Ledger.Instance, new Cases.Domain.Rules.RuleSet().Calendar, journal), ILedgerGrain;
