using System.Threading.Channels;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite;

/// <summary>The single writer of a store: gathers queued appends of many grains into one durable transaction (group commit).</summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly Channel<WriteOp> _queue = Channel.CreateUnbounded<WriteOp>(new() { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly SqliteStatements _sql;
    private readonly StreamHeads _heads = new(capacity: 100_000);
    private readonly int _maxBatch;
    private readonly TimeProvider _time;
    private readonly Thread _thread;
    private readonly WalSyncer? _syncer;

    public SqliteWriter(SqliteConnection connection, int maxBatch, WalSyncer? syncer, TimeProvider time)
    {
        _syncer = syncer;
        _connection = connection;
        _sql = new SqliteStatements(connection);
        _maxBatch = maxBatch;
        _time = time;
        // SQLite calls block, so the writer owns a thread instead of holding a pool thread the callers need.
        _thread = new Thread(Run) { IsBackground = true, Name = "cases-sqlite-writer" };
        _thread.Start();
    }

    private long _transactions;
    private long _writes;

    /// <summary>Transactions committed and writes they carried since start; their quotient is the group-commit batch size.</summary>
    public (long Transactions, long Writes) Totals => (Interlocked.Read(ref _transactions), Interlocked.Read(ref _writes));

    /// <summary>Set when the loop has stopped for good; health checks report it.</summary>
    public Exception? Fault { get; private set; }

    public void Enqueue(WriteOp op)
    {
        if (!_queue.Writer.TryWrite(op))
            op.Fail(new ObjectDisposedException(nameof(SqliteEventStore), "The store is closed."));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.Run(_thread.Join).ConfigureAwait(false);
        _syncer?.Dispose();
        _sql.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private void Run()
    {
        var batch = new List<WriteOp>(_maxBatch);
        var reader = _queue.Reader;
        try
        {
            while (reader.TryPeek(out _) || reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < _maxBatch && reader.TryRead(out var op))
                    batch.Add(op);
                CommitBatch(batch);
                batch.Clear();
            }
        }
        catch (Exception e)
        {
            Fault = e;
            foreach (var op in batch)
                op.Fail(e);
            while (reader.TryRead(out var op))
                op.Fail(e);
        }
    }

    // Callers are answered only after their commit is on disk: here when synchronous is not FULL, else after the WalSyncer's flush.
    private void CommitBatch(List<WriteOp> batch)
    {
        var results = new AppendResult?[batch.Count];
        try
        {
            using (var tx = _connection.BeginTransaction(deferred: false))
            {
                _heads.Begin(_sql.DataVersion());
                var next = new Cursor(_sql.NextPosition(), _time.GetUtcNow());
                for (var i = 0; i < batch.Count; i++)
                {
                    results[i] = batch[i] switch
                    {
                        AppendOp a => Apply(a.Request, next),
                        SnapshotOp s => SaveSnapshot(s.Snapshot),
                        CheckpointOp c => SaveCheckpoint(c, next.RecordedAt),
                        _ => throw new InvalidOperationException($"Unknown write {batch[i].GetType().Name}."),
                    };
                }
                tx.Commit();
            }
            _heads.Committed();
            Interlocked.Increment(ref _transactions);
            Interlocked.Add(ref _writes, batch.Count);
        }
        catch (Exception e)
        {
            _heads.RolledBack();
            // The transaction rolled back whole, so every op of the batch failed and none half-applied.
            var error = e is SqliteException ? new StoreUnavailableException($"SQLite refused the write: {e.Message}", e) : e;
            foreach (var op in batch)
                op.Fail(error);
            return;
        }
        if (_syncer is null)
        {
            var answered = batch.ToArray();
            WriteOp.AnswerOffThread(() => Answer(answered, results, null));
        }
        else
        {
            var ops = batch.ToArray();
            _syncer.AfterNextFlush(error => Answer(ops, results, error));
        }
    }

    private static void Answer(WriteOp[] ops, AppendResult?[] results, Exception? error)
    {
        for (var i = 0; i < ops.Length; i++)
        {
            switch (ops[i])
            {
                case var op when error is not null:
                    op.Failed(error);
                    break;
                case AppendOp a:
                    a.Completion.TrySetResult(results[i]!);
                    break;
                case SnapshotOp s:
                    s.Completion.TrySetResult();
                    break;
                case CheckpointOp c:
                    c.Completion.TrySetResult();
                    break;
            }
        }
    }

    private AppendResult Apply(AppendRequest request, Cursor next)
    {
        var (version, previousHash) = Head(request.StreamId);
        if (version != request.ExpectedVersion)
            return new AppendResult.Conflict(version);
        if (RecordCommands(request, version, next.RecordedAt) is { } duplicate)
            return duplicate;

        var byCommand = new List<IReadOnlyList<StoredEvent>>(request.Commands.Count);
        foreach (var command in request.Commands)
        {
            var stored = new List<StoredEvent>(command.Events.Count);
            foreach (var p in command.Events)
            {
                var e = new StoredEvent(request.StreamId, ++version, next.Position++, p.EventId, p.EventType, p.SchemaVersion, p.Payload,
                    p.OccurredAt, next.RecordedAt, p.Actor, p.CommandId, p.CausationId, p.CorrelationId, []);
                e = e with { Hash = EventHasher.Compute(previousHash, e) };
                previousHash = e.Hash;
                _sql.InsertEvent(e);
                stored.Add(e);
            }
            byCommand.Add(stored);
        }
        _heads.Set(request.StreamId, version, previousHash);
        return new AppendResult.Committed(version, byCommand);
    }

    // Inserts each command's outcome row; if any id was seen before, takes back this request's rows and reports the earlier outcomes.
    private AppendResult.Duplicate? RecordCommands(AppendRequest request, long version, DateTimeOffset recordedAt)
    {
        var recorded = new List<string>(request.Commands.Count);
        List<StoredCommandOutcome>? duplicates = null;
        foreach (var command in request.Commands)
        {
            var count = command.Events.Count;
            var (first, last) = count > 0 ? (version + 1, version + count) : (0L, 0L);
            version += count;
            if (_sql.TryInsertCommand(request.StreamId, command, first, last, recordedAt))
                recorded.Add(command.CommandId);
            else
                (duplicates ??= []).Add(_sql.FindCommand(request.StreamId, command.CommandId)!);
        }
        if (duplicates is null)
            return null;
        foreach (var commandId in recorded)
            _sql.DeleteCommand(request.StreamId, commandId);
        return new AppendResult.Duplicate(duplicates);
    }

    private (long Version, byte[] Hash) Head(string streamId)
    {
        if (_heads.TryGet(streamId, out var head))
            return head;
        head = _sql.Head(streamId);
        _heads.Set(streamId, head.Version, head.Hash);
        return head;
    }

    private AppendResult? SaveCheckpoint(CheckpointOp checkpoint, DateTimeOffset at)
    {
        _sql.SaveCheckpoint(checkpoint.Name, checkpoint.Position, at);
        return null;
    }

    private AppendResult? SaveSnapshot(Snapshot snapshot)
    {
        _sql.UpsertSnapshot(snapshot);
        return null;
    }

    /// <summary>The next global position and the commit's recorded-at, shared by all appends of one transaction.</summary>
    private sealed class Cursor(long position, DateTimeOffset recordedAt)
    {
        public long Position { get; set; } = position;

        public DateTimeOffset RecordedAt { get; } = recordedAt;
    }
}
