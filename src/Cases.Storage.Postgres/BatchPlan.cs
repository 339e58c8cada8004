using Cases.Journal.Events;
using Cases.Journal.Storage;

namespace Cases.Storage.Postgres;

/// <summary>Decides every write of one group commit in memory, under the write lock, from the heads and command ids read in that transaction.</summary>
/// <remarks>Appends are checked in queue order against what earlier appends of the same batch did, so the rows to insert are exactly the
/// committed appends' rows: a conflicting or duplicate request contributes nothing, and no savepoint is needed.</remarks>
internal sealed class BatchPlan
{
    private readonly StreamHeads _heads;
    private readonly IReadOnlyDictionary<string, (long Version, byte[] Hash)> _readHeads;
    private readonly IReadOnlyDictionary<(string CommandId, string StreamId), StoredCommandOutcome> _seen;
    private readonly Dictionary<(string CommandId, string StreamId), StoredCommandOutcome> _recorded = [];
    private readonly DateTimeOffset _recordedAt;

    public BatchPlan(
        IReadOnlyList<WriteOp> ops,
        long? lastPosition,
        DateTimeOffset recordedAt,
        StreamHeads heads,
        IReadOnlyDictionary<string, (long Version, byte[] Hash)> readHeads,
        IReadOnlyDictionary<(string CommandId, string StreamId), StoredCommandOutcome> seen)
    {
        (_heads, _readHeads, _seen, _recordedAt) = (heads, readHeads, seen, recordedAt);
        LastPositionRead = lastPosition;
        NextPosition = (lastPosition ?? 0) + 1;
        Results = new AppendResult?[ops.Count];
        for (var i = 0; i < ops.Count; i++)
        {
            switch (ops[i])
            {
                case AppendOp a:
                    Results[i] = Apply(a.Request);
                    break;
                case SnapshotOp s:
                    Snapshots.Add(s.Snapshot);
                    break;
                case CheckpointOp c:
                    Checkpoints.Add((c.Name, c.Position));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown write {ops[i].GetType().Name}.");
            }
        }
    }

    /// <summary>The answer to each append, by the op's index (null for snapshots and checkpoints).</summary>
    public AppendResult?[] Results { get; }

    /// <summary>The log's last position read under the write lock; null when the batch holds no appends and so read nothing.</summary>
    public long? LastPositionRead { get; }

    /// <summary>The position after the last event this batch inserts.</summary>
    public long NextPosition { get; private set; }

    public List<StoredEvent> Events { get; } = [];

    public List<StoredCommandOutcome> Commands { get; } = [];

    public List<Snapshot> Snapshots { get; } = [];

    public List<(string Name, long Position)> Checkpoints { get; } = [];

    // Same order of checks as the SQLite store: the version first, then the command ids.
    private AppendResult Apply(AppendRequest request)
    {
        var (version, previousHash) = Head(request.StreamId);
        if (version != request.ExpectedVersion)
            return new AppendResult.Conflict(version);

        List<StoredCommandOutcome>? duplicates = null;
        foreach (var command in request.Commands)
        {
            var key = (command.CommandId, request.StreamId);
            if (_recorded.TryGetValue(key, out var outcome) || _seen.TryGetValue(key, out outcome))
                (duplicates ??= []).Add(outcome);
        }
        if (duplicates is not null)
            return new AppendResult.Duplicate(duplicates);

        var byCommand = new List<IReadOnlyList<StoredEvent>>(request.Commands.Count);
        foreach (var command in request.Commands)
        {
            var count = command.Events.Count;
            var outcome = new StoredCommandOutcome(request.StreamId, command.CommandId,
                count > 0 ? version + 1 : 0, count > 0 ? version + count : 0, command.Rejection, _recordedAt, command.Fingerprint);
            _recorded[(command.CommandId, request.StreamId)] = outcome;
            Commands.Add(outcome);

            var stored = new List<StoredEvent>(count);
            foreach (var p in command.Events)
            {
                var e = new StoredEvent(request.StreamId, ++version, NextPosition++, p.EventId, p.EventType, p.SchemaVersion, p.Payload,
                    p.OccurredAt, _recordedAt, p.Actor, p.CommandId, p.CausationId, p.CorrelationId, []);
                e = e with { Hash = EventHasher.Compute(previousHash, e) };
                previousHash = e.Hash;
                Events.Add(e);
                stored.Add(e);
            }
            byCommand.Add(stored);
        }
        _heads.Set(request.StreamId, version, previousHash);
        return new AppendResult.Committed(version, byCommand);
    }

    // The writer read every head it could not trust from its cache; a stream it read without finding a row has no events yet.
    private (long Version, byte[] Hash) Head(string streamId)
    {
        if (_heads.TryGet(streamId, out var head))
            return head;
        head = _readHeads.TryGetValue(streamId, out var read) ? read : (0L, EventHasher.Genesis.ToArray());
        _heads.Set(streamId, head.Version, head.Hash);
        return head;
    }
}
