using System.Threading.Channels;
using Cases.Journal.Storage;
using Npgsql;

namespace Cases.Storage.Postgres;

/// <summary>The single writer of a store instance: gathers queued writes of many grains into one transaction (group commit).</summary>
/// <remarks>
/// Each transaction first takes the schema's transaction-level advisory lock, then reads the log's last position, so the writers of
/// every silo sharing the database commit one at a time and assign positions in commit order: a reader that has seen position P
/// never later finds a newly committed event below P. The lock is released by COMMIT after the commit is durable and visible.
/// A transaction costs two round trips: BEGIN, lock and reads; then the inserts and COMMIT.
/// </remarks>
internal sealed class PostgresWriter : IAsyncDisposable
{
    private const string UniqueViolation = "23505";
    private readonly Channel<WriteOp> _queue = Channel.CreateUnbounded<WriteOp>(new() { SingleReader = true });
    private readonly NpgsqlDataSource _dataSource;
    private readonly StoreErrors _errors;
    private readonly PostgresSchema _schema;
    private readonly PostgresStatements _sql;
    private readonly StreamHeads _heads = new(capacity: 100_000);
    private readonly int _maxBatch;
    private readonly TimeProvider _time;
    private readonly Task _loop;
    private NpgsqlConnection? _connection;
    private long _transactions;
    private long _writes;

    public PostgresWriter(NpgsqlDataSource dataSource, StoreErrors errors, PostgresSchema schema, int maxBatch, TimeProvider time)
    {
        (_dataSource, _errors, _schema, _sql, _maxBatch, _time) = (dataSource, errors, schema, new PostgresStatements(schema), maxBatch, time);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed and writes they carried since start; their quotient is the group-commit batch size.</summary>
    public (long Transactions, long Writes) Totals => (Interlocked.Read(ref _transactions), Interlocked.Read(ref _writes));

    /// <summary>Set when the loop has stopped for good; health checks report it.</summary>
    public Exception? Fault { get; private set; }

    public void Enqueue(WriteOp op)
    {
        if (!_queue.Writer.TryWrite(op))
            op.Fail(new ObjectDisposedException(nameof(PostgresEventStore), "The store is closed."));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        await DropConnectionAsync().ConfigureAwait(false);
    }

    // A failed batch fails only its own callers: the next batch reconnects, so a database restart is an outage, not the end of the writer.
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
                await CommitBatchAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (Exception e)
        {
            // Only a bug gets here; no caller may wait forever on a writer that stopped.
            Fault = e;
            _queue.Writer.TryComplete(e);
            foreach (var op in batch)
                op.Fail(e);
            while (reader.TryRead(out var op))
                op.Fail(e);
        }
    }

    private async Task CommitBatchAsync(List<WriteOp> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var plan = await RunTransactionAsync(batch).ConfigureAwait(false);
                if (plan.LastPositionRead is not null)
                    _heads.Committed(plan.NextPosition - 1);
                Interlocked.Increment(ref _transactions);
                Interlocked.Add(ref _writes, batch.Count);
                var answered = batch.ToList();
                WriteOp.AnswerOffThread(() => Answer(answered, plan.Results));
                return;
            }
            catch (Exception e)
            {
                // Nothing of the batch is known to be written (a lost COMMIT may have landed; the callers' retries are idempotent).
                _heads.Forget();
                _errors.Failed(e);
                await AbandonTransactionAsync().ConfigureAwait(false);
                // A unique violation means a head we trusted was stale: read everything again under the lock, once.
                if (e is PostgresException { SqlState: UniqueViolation } && attempt == 1)
                    continue;
                var error = StoreErrors.IsStoreFailure(e) ? StoreErrors.Unavailable("commit appends", e) : e;
                foreach (var op in batch)
                    op.Fail(error);
                return;
            }
        }
    }

    private async Task<BatchPlan> RunTransactionAsync(List<WriteOp> batch)
    {
        var connection = _connection ??= await OpenAsync().ConfigureAwait(false);
        var recordedAt = _time.GetUtcNow();
        var appends = batch.OfType<AppendOp>().Select(a => a.Request).ToList();

        BatchPlan plan;
        if (appends.Count == 0)
            plan = new BatchPlan(batch, null, recordedAt, _heads, new Dictionary<string, (long, byte[])>(), new Dictionary<(string, string), StoredCommandOutcome>());
        else
        {
            var reads = await BatchReads.ReadAsync(connection, _sql, _schema.WriteLock, appends, _heads).ConfigureAwait(false);
            plan = new BatchPlan(batch, reads.LastPosition, recordedAt, _heads, reads.Heads, reads.Seen);
        }
        await WriteAsync(connection, plan, startsTransaction: appends.Count == 0).ConfigureAwait(false);
        return plan;
    }

    private async Task WriteAsync(NpgsqlConnection connection, BatchPlan plan, bool startsTransaction)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (startsTransaction)
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        if (plan.Events.Count > 0)
            batch.BatchCommands.Add(BatchRows.Events(_sql.InsertEvents, plan.Events));
        if (plan.Commands.Count > 0)
            batch.BatchCommands.Add(BatchRows.Commands(_sql.InsertCommands, plan.Commands));
        foreach (var s in plan.Snapshots)
            batch.BatchCommands.Add(BatchRows.Command(_sql.UpsertSnapshot, s.StreamId, s.Version, s.StateSchemaVersion, s.State, s.TakenAt.UtcTicks));
        foreach (var (name, position) in plan.Checkpoints)
            batch.BatchCommands.Add(BatchRows.Command(_sql.SaveCheckpoint, name, position, _time.GetUtcNow().UtcTicks));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            await using var session = new NpgsqlBatch(connection)
            {
                BatchCommands = { new NpgsqlBatchCommand(_sql.KeepCommitsDurable), new NpgsqlBatchCommand(_sql.PlanEachBatch) },
            };
            await session.ExecuteNonQueryAsync().ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Rolls back an open transaction on a healthy connection; a broken one is dropped and the next batch opens another.
    private async Task AbandonTransactionAsync()
    {
        if (_connection is null)
            return;
        try
        {
            if (_connection.FullState == System.Data.ConnectionState.Open)
            {
                await using var rollback = new NpgsqlCommand("ROLLBACK", _connection);
                await rollback.ExecuteNonQueryAsync().ConfigureAwait(false);
                return;
            }
        }
        catch (Exception e) when (StoreErrors.IsStoreFailure(e) || e is InvalidOperationException)
        {
            // Falls through to drop the connection.
        }
        await DropConnectionAsync().ConfigureAwait(false);
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync().ConfigureAwait(false);
        _connection = null;
    }

    private static void Answer(List<WriteOp> ops, AppendResult?[] results)
    {
        for (var i = 0; i < ops.Count; i++)
        {
            switch (ops[i])
            {
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
}
