using Azure.Data.Tables;
using Cases.Journal.Events;
using Cases.Journal.Storage;

namespace Cases.Storage.Azure;

/// <summary>Decides one entity-group transaction of a group commit: which queued appends fit it, their answers, and the entities to write.</summary>
/// <remarks>Appends are taken in queue order until the next would break a limit of the real service (100 entities, 4 MiB per transaction;
/// one slot is the log head's). Versions are checked before command ids, as in the other stores; a conflicting or duplicate append
/// writes nothing, and its answer stands only if the transaction commits, which proves the view it was decided on was current.</remarks>
internal sealed class AzureBatchPlan
{
    /// <summary>Entities per transaction, less the log head.</summary>
    public const int MaxEntities = 99;

    /// <summary>Bytes of request body per transaction, under the 4 MiB limit with room for the multipart framing.</summary>
    public const int MaxBytes = 3_500_000;

    private readonly Dictionary<string, (long Version, byte[] Hash)> _pendingHeads = new(StringComparer.Ordinal);
    private readonly Dictionary<(string StreamId, string CommandId), StoredCommandOutcome> _recorded = [];
    private readonly IReadOnlyDictionary<(string StreamId, string CommandId), StoredCommandOutcome> _seen;
    private readonly Func<string, (long Version, byte[] Hash)> _head;
    private readonly DateTimeOffset _recordedAt;
    private int _bytes;

    public AzureBatchPlan(
        IReadOnlyList<AppendOp> ops,
        long lastPosition,
        DateTimeOffset recordedAt,
        Func<string, (long Version, byte[] Hash)> head,
        IReadOnlyDictionary<(string StreamId, string CommandId), StoredCommandOutcome> seen)
    {
        (_head, _seen, _recordedAt) = (head, seen, recordedAt);
        NextPosition = lastPosition + 1;
        foreach (var op in ops)
        {
            var (result, actions, outcomes, bytes) = Apply(op.Request);
            if (actions.Count > 0 && (Actions.Count + actions.Count > MaxEntities || _bytes + bytes > MaxBytes))
            {
                if (Results.Count == 0)
                    Results.Add(new ArgumentException(
                        $"The append to {op.Request.StreamId} needs {actions.Count} entities and {bytes} bytes; one Azure Table transaction holds {MaxEntities} and {MaxBytes}."));
                break;
            }
            Commit(result, actions, outcomes, bytes, op.Request.StreamId);
        }
    }

    /// <summary>Per included op, in queue order: its answer (an <see cref="AppendResult"/>), or the exception that refuses it.</summary>
    public List<object> Results { get; } = [];

    /// <summary>The entities to write before the log head, each with the index of the op it belongs to.</summary>
    public List<(TableTransactionAction Action, int Op, EntityKind Kind)> Actions { get; } = [];

    /// <summary>False when every answer is certain without a transaction: only conflicts with an expected version below a head that is known.</summary>
    /// <remarks>A known head is never ahead of the store (versions only grow), so such a conflict stands whatever another writer did since.</remarks>
    public bool NeedsTransaction { get; private set; }

    /// <summary>The position after the last event this transaction writes.</summary>
    public long NextPosition { get; private set; }

    /// <summary>The heads of the streams this transaction appends to, as they are once it commits.</summary>
    public IReadOnlyDictionary<string, (long Version, byte[] Hash)> Heads => _pendingHeads;

    private (object Result, List<(TableTransactionAction, EntityKind)> Actions, List<StoredCommandOutcome> Outcomes, int Bytes) Apply(AppendRequest request)
    {
        var actions = new List<(TableTransactionAction, EntityKind)>();
        var outcomes = new List<StoredCommandOutcome>();
        var (version, previousHash) = Head(request.StreamId);
        if (version != request.ExpectedVersion)
        {
            NeedsTransaction |= request.ExpectedVersion > version;
            return (new AppendResult.Conflict(version), actions, outcomes, 0);
        }

        List<StoredCommandOutcome>? duplicates = null;
        foreach (var command in request.Commands)
        {
            var key = (request.StreamId, command.CommandId);
            if (_recorded.TryGetValue(key, out var outcome) || _seen.TryGetValue(key, out outcome))
                (duplicates ??= []).Add(outcome);
        }
        NeedsTransaction = true;
        if (duplicates is not null)
            return (new AppendResult.Duplicate(duplicates), actions, outcomes, 0);

        var bytes = 0;
        var position = NextPosition;
        var byCommand = new List<IReadOnlyList<StoredEvent>>(request.Commands.Count);
        var all = new List<StoredEvent>();
        foreach (var command in request.Commands)
        {
            var count = command.Events.Count;
            var outcome = new StoredCommandOutcome(request.StreamId, command.CommandId,
                count > 0 ? version + 1 : 0, count > 0 ? version + count : 0, command.Rejection, _recordedAt, command.Fingerprint);
            outcomes.Add(outcome);
            actions.Add((new TableTransactionAction(TableTransactionActionType.Add, AzureRows.Command(outcome)), EntityKind.Command));
            bytes += AzureRows.CommandBytes(outcome);

            var stored = new List<StoredEvent>(count);
            foreach (var p in command.Events)
            {
                var e = new StoredEvent(request.StreamId, ++version, position++, p.EventId, p.EventType, p.SchemaVersion, p.Payload,
                    p.OccurredAt, _recordedAt, p.Actor, p.CommandId, p.CausationId, p.CorrelationId, []);
                e = e with { Hash = EventHasher.Compute(previousHash, e) };
                previousHash = e.Hash;
                stored.Add(e);
                all.Add(e);
            }
            byCommand.Add(stored);
        }
        foreach (var chunk in Chunks(all))
        {
            var (entity, size) = ChunkCodec.Encode(chunk);
            // Binary travels base64-encoded in the transaction's body.
            bytes += size * 4 / 3 + 600;
            // The index row first: if the stream is not where this writer thinks, it is the entity that fails (see TableKeys.StreamIndex).
            actions.Insert(0, (new TableTransactionAction(TableTransactionActionType.Add,
                AzureRows.Index(request.StreamId, chunk[0].Version, chunk[^1].Version, chunk[^1].Position, chunk[^1].Hash)), EntityKind.Index));
            actions.Add((new TableTransactionAction(TableTransactionActionType.Add, entity), EntityKind.Chunk));
        }
        return (new AppendResult.Committed(version, byCommand), actions, outcomes, bytes);
    }

    private void Commit(object result, List<(TableTransactionAction Action, EntityKind Kind)> actions, List<StoredCommandOutcome> outcomes, int bytes, string streamId)
    {
        var op = Results.Count;
        Results.Add(result);
        foreach (var (action, kind) in actions)
            Actions.Add((action, op, kind));
        _bytes += bytes;
        if (result is not AppendResult.Committed committed)
            return;
        foreach (var events in committed.EventsByCommand)
        {
            foreach (var e in events)
                NextPosition = e.Position + 1;
        }
        foreach (var outcome in outcomes)
            _recorded[(streamId, outcome.CommandId)] = outcome;
        if (committed.EventsByCommand.SelectMany(e => e).LastOrDefault() is { } last)
            _pendingHeads[streamId] = (last.Version, last.Hash);
    }

    private (long Version, byte[] Hash) Head(string streamId) =>
        _pendingHeads.TryGetValue(streamId, out var head) ? head : _head(streamId);

    // Consecutive events split where their estimated JSON passes one chunk's budget.
    private static IEnumerable<List<StoredEvent>> Chunks(List<StoredEvent> events)
    {
        var chunk = new List<StoredEvent>();
        var size = 0;
        foreach (var e in events)
        {
            var estimate = ChunkCodec.EstimateRaw(e);
            if (chunk.Count > 0 && size + estimate > ChunkCodec.RawChunkBudget)
            {
                yield return chunk;
                (chunk, size) = ([], 0);
            }
            chunk.Add(e);
            size += estimate;
        }
        if (chunk.Count > 0)
            yield return chunk;
    }
}

/// <summary>What an entity of a transaction is, so a refusal naming it can be told apart: a stale stream, a seen command, a stale log.</summary>
internal enum EntityKind
{
    Command,
    Index,
    Chunk,
}
