using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Cases.Journal.Events;
using Cases.Journal.Storage;

namespace Cases.Storage.Azure;

/// <summary>The single writer of a store instance: gathers queued appends of many grains into one entity-group transaction (group commit).</summary>
/// <remarks>
/// Every transaction ends by replacing the log head entity on the ETag this writer last saw, so transactions of all writers sharing
/// the table commit one at a time, each on the view it was planned on (fencing): a writer whose view is stale fails whole
/// (412 on the head, or 409 on a chunk another writer already wrote at that position), re-reads the head and the streams' heads, and
/// plans again. Positions therefore follow commit order without gaps, and no chain can fork.
/// </remarks>
internal sealed class AzureWriter : IAsyncDisposable
{
    private readonly Channel<AppendOp> _queue = Channel.CreateUnbounded<AppendOp>(new() { SingleReader = true });
    private readonly TableClient _table;
    private readonly AzureStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (long Version, byte[] Hash)> _heads = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private LogHead? _logHead;
    private long _transactions;
    private long _writes;
    private long _refused;

    public AzureWriter(TableClient table, AzureStoreOptions options, TimeProvider time)
    {
        (_table, _options, _time) = (table, options, time);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed, appends they carried, and transactions refused because another writer committed first.</summary>
    public (long Transactions, long Writes, long Refused) Totals =>
        (Interlocked.Read(ref _transactions), Interlocked.Read(ref _writes), Interlocked.Read(ref _refused));

    /// <summary>Set when the loop has stopped for good; health checks report it.</summary>
    public Exception? Fault { get; private set; }

    public void Enqueue(AppendOp op)
    {
        if (!_queue.Writer.TryWrite(op))
            op.Fail(new ObjectDisposedException(nameof(AzureEventStore), "The store is closed."));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var pending = new List<AppendOp>(_options.MaxBatchSize);
        var reader = _queue.Reader;
        try
        {
            while (pending.Count > 0 || await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (pending.Count < _options.MaxBatchSize && reader.TryRead(out var op))
                    pending.Add(op);
                await CommitRoundAsync(pending).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // Only a bug gets here; no caller may wait forever on a writer that stopped.
            Fault = e;
            _queue.Writer.TryComplete(e);
            foreach (var op in pending)
                op.Fail(e);
            while (reader.TryRead(out var op))
                op.Fail(e);
        }
    }

    // Commits the longest prefix of the queue that fits one transaction and answers it; the rest waits for the next round.
    private async Task CommitRoundAsync(List<AppendOp> pending)
    {
        var seen = new Dictionary<(string StreamId, string CommandId), StoredCommandOutcome>();
        var mustRead = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            AzureBatchPlan? plan = null;
            try
            {
                var logHead = _logHead ??= await ReadLogHeadAsync().ConfigureAwait(false);
                await LoadHeadsAsync(pending, mustRead).ConfigureAwait(false);
                plan = new AzureBatchPlan(pending, logHead.LastPosition, _time.GetUtcNow(), HeadOf, seen);
                if (plan.Results is [Exception refused])
                {
                    Take(pending, 1)[0].Fail(refused);
                    return;
                }
                if (plan.NeedsTransaction)
                {
                    var actions = plan.Actions.Select(a => a.Action).Append(HeadAction(plan.NextPosition - 1, logHead)).ToList();
                    var response = await _table.SubmitTransactionAsync(actions).ConfigureAwait(false);
                    _logHead = new LogHead(plan.NextPosition - 1, response.Value[^1].Headers.ETag ?? throw new InvalidDataException("The log head came back without an ETag."));
                    foreach (var (stream, head) in plan.Heads)
                        _heads[stream] = head;
                    Interlocked.Increment(ref _transactions);
                }
                Interlocked.Add(ref _writes, plan.Results.Count);
                Answer(Take(pending, plan.Results.Count), plan.Results);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && plan is not null && attempt < _options.MaxAttempts)
            {
                // Another writer committed since our view was taken (or a command id exists): nothing of ours was written.
                Interlocked.Increment(ref _refused);
                Forget();
                // A refused index row or command names a stream to read rather than assume new; a command also names ids seen before.
                if (e.FailedTransactionActionIndex is { } i && i < plan.Actions.Count && plan.Actions[i].Kind is not EntityKind.Chunk)
                {
                    var request = pending[plan.Actions[i].Op].Request;
                    mustRead.Add(request.StreamId);
                    if (plan.Actions[i].Kind == EntityKind.Command)
                        await ReadSeenAsync(request, seen).ConfigureAwait(false);
                }
                else if (e.FailedTransactionActionIndex is null)
                {
                    // The service did not say which entity failed: read every planned stream and command before planning again.
                    foreach (var op in pending.Take(plan.Results.Count))
                    {
                        mustRead.Add(op.Request.StreamId);
                        await ReadSeenAsync(op.Request, seen).ConfigureAwait(false);
                    }
                }
                await Task.Delay(Random.Shared.Next(0, Math.Min(2 * attempt, 20))).ConfigureAwait(false);
            }
            catch (Exception e) when (AzureErrors.IsStoreFailure(e) || e is RequestFailedException)
            {
                // Nothing is known to be written (a lost response may have landed; the callers' retries are idempotent).
                Forget();
                var error = AzureErrors.Unavailable(e is RequestFailedException r ? $"commit appends (status {r.Status} after {attempt} attempts)" : "commit appends", e);
                foreach (var op in Take(pending, Math.Max(1, plan?.Results.Count ?? pending.Count)))
                    op.Fail(error);
                return;
            }
        }
    }

    private void Forget()
    {
        _logHead = null;
        _heads.Clear();
    }

    private static List<AppendOp> Take(List<AppendOp> pending, int count)
    {
        var taken = pending.GetRange(0, count);
        pending.RemoveRange(0, count);
        return taken;
    }

    private static TableTransactionAction HeadAction(long lastPosition, LogHead seen)
    {
        var entity = new TableEntity(TableKeys.Log, TableKeys.LogHead) { ["LastPosition"] = lastPosition };
        return seen.Exists
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, seen.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, entity);
    }

    private async Task<LogHead> ReadLogHeadAsync()
    {
        var head = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Log, TableKeys.LogHead).ConfigureAwait(false);
        return head.HasValue ? new LogHead(head.Value!.GetInt64("LastPosition")!.Value, head.Value.ETag) : new LogHead(0, default);
    }

    // A stream neither cached nor read is new: only appends that add events at version 0 leave it unread, and their index row proves it.
    private (long Version, byte[] Hash) HeadOf(string streamId) =>
        _heads.TryGetValue(streamId, out var head) ? head : (0, EventHasher.Genesis.ToArray());

    // Heads are read after the log head, so a transaction that commits on that head's ETag saw them current.
    private async Task LoadHeadsAsync(List<AppendOp> pending, HashSet<string> mustRead)
    {
        var missing = pending
            .Where(p => !_heads.ContainsKey(p.Request.StreamId))
            .GroupBy(p => p.Request.StreamId, StringComparer.Ordinal)
            .Where(g => mustRead.Contains(g.Key) || g.Any(p => p.Request.ExpectedVersion != 0 || p.Request.Commands.All(c => c.Events.Count == 0)))
            .Select(g => g.Key)
            .ToList();
        if (_heads.Count + missing.Count > 100_000)
            _heads.Clear();
        foreach (var group in missing.Chunk(32))
        {
            var heads = await Task.WhenAll(group.Select(s => AzureEventStore.ReadHeadAsync(_table, s))).ConfigureAwait(false);
            for (var i = 0; i < group.Length; i++)
                _heads[group[i]] = heads[i];
        }
    }

    private async Task ReadSeenAsync(AppendRequest request, Dictionary<(string, string), StoredCommandOutcome> seen)
    {
        var found = await Task.WhenAll(request.Commands.Select(c => AzureEventStore.FindCommandAsync(_table, request.StreamId, c.CommandId))).ConfigureAwait(false);
        foreach (var outcome in found.OfType<StoredCommandOutcome>())
            seen[(outcome.StreamId, outcome.CommandId)] = outcome;
    }

    private static void Answer(List<AppendOp> ops, List<object> results) => WriteOp.AnswerOffThread(() =>
    {
        for (var i = 0; i < ops.Count; i++)
        {
            if (results[i] is AppendResult r)
                ops[i].Completion.TrySetResult(r);
            else
                ops[i].Failed((Exception)results[i]);
        }
    });
}
