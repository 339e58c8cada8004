using System.Threading.Channels;
using Cases.Runtime.Events;
using Cases.Runtime.Storage;
using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite;

/// <summary>The single writer of a store: gathers queued appends of many grains into one durable transaction (group commit).</summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly Channel<WriteOp> _queue = Channel.CreateUnbounded<WriteOp>(new() { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly SqliteStatements _sql;
    private readonly int _maxBatch;
    private readonly TimeProvider _time;
    private readonly Task _loop;

    public SqliteWriter(SqliteConnection connection, int maxBatch, TimeProvider time)
    {
        _connection = connection;
        _sql = new SqliteStatements(connection);
        _maxBatch = maxBatch;
        _time = time;
        _loop = Task.Run(RunAsync);
    }

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
        await _loop.ConfigureAwait(false);
        _sql.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteOp>(_maxBatch);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
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

    // Callers are answered only after COMMIT returns, i.e. after the WAL is synced.
    private void CommitBatch(List<WriteOp> batch)
    {
        var results = new AppendResult?[batch.Count];
        try
        {
            using (var tx = _connection.BeginTransaction(deferred: false))
            {
                _sql.Enlist(tx);
                var next = new Cursor(_sql.NextPosition(), _time.GetUtcNow());
                for (var i = 0; i < batch.Count; i++)
                {
                    results[i] = batch[i] switch
                    {
                        AppendOp a => Apply(a.Request, next),
                        SnapshotOp s => SaveSnapshot(s.Snapshot),
                        _ => throw new InvalidOperationException($"Unknown write {batch[i].GetType().Name}."),
                    };
                }
                tx.Commit();
            }
        }
        catch (Exception e)
        {
            // The transaction rolled back whole, so every op of the batch failed and none half-applied.
            var error = e is SqliteException ? new StoreUnavailableException($"SQLite refused the write: {e.Message}", e) : e;
            foreach (var op in batch)
                op.Fail(error);
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            switch (batch[i])
            {
                case AppendOp a:
                    a.Completion.TrySetResult(results[i]!);
                    break;
                case SnapshotOp s:
                    s.Completion.TrySetResult();
                    break;
            }
        }
    }

    private AppendResult Apply(AppendRequest request, Cursor next)
    {
        var duplicates = new List<StoredCommandOutcome>();
        foreach (var command in request.Commands)
        {
            if (_sql.FindCommand(request.StreamId, command.CommandId) is { } outcome)
                duplicates.Add(outcome);
        }
        if (duplicates.Count > 0)
            return new AppendResult.Duplicate(duplicates);

        var (version, previousHash) = _sql.Head(request.StreamId);
        if (version != request.ExpectedVersion)
            return new AppendResult.Conflict(version);

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
            var (first, last) = stored.Count > 0 ? (stored[0].Version, stored[^1].Version) : (0L, 0L);
            _sql.InsertCommand(request.StreamId, command.CommandId, first, last, command.Rejection, next.RecordedAt);
            byCommand.Add(stored);
        }
        return new AppendResult.Committed(version, byCommand);
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
