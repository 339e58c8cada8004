using Cases.Grains.Streams;
using Cases.Journal.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cases.Grains.Journaling;

/// <summary>What every decider grain persists with: the event store, the turn settings, the clock, the log tail it signals and the silo's activity.</summary>
public sealed class GrainJournal(IEventStore store, IOptions<JournalOptions> options, TimeProvider time, LogTail tail, JournalActivity activity, ILoggerFactory loggers)
{
    /// <summary>The journal the grains load from and append to.</summary>
    public IEventStore Store { get; } = store;

    /// <summary>Snapshot and turn settings.</summary>
    public JournalOptions Options { get; } = options.Value;

    /// <summary>The clock that stamps commands sent without a time.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Woken after commits with subscribed events, so decision streams read them at once.</summary>
    public LogTail Tail { get; } = tail;

    /// <summary>This silo's activations and answered commands.</summary>
    public JournalActivity Activity { get; } = activity;

    /// <summary>The logger of one grain type.</summary>
    public ILogger Logger(string grainType) => loggers.CreateLogger($"Cases.Grains.{grainType}");
}
