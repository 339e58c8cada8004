using System.Threading.Channels;
using Cases.Journal.Storage;
using Microsoft.Win32.SafeHandles;

namespace Cases.Storage.Sqlite;

/// <summary>Makes committed transactions durable off the writer's path: one fsync of the WAL covers every commit before it, then their callers are answered.</summary>
/// <remarks>The writer commits with synchronous=NORMAL (frames written, not synced) and goes on with the next batch while this thread syncs,
/// so statement execution overlaps the disk flush; no caller hears of a commit before the flush that covers it returns.</remarks>
internal sealed class WalSyncer : IDisposable
{
    private readonly Channel<Action<Exception?>> _committed = Channel.CreateUnbounded<Action<Exception?>>(new() { SingleReader = true });
    private readonly string _walPath;
    private readonly Action<SafeFileHandle> _flush;
    private readonly Thread _thread;
    private SafeFileHandle? _wal;

    public WalSyncer(string databasePath, Action<SafeFileHandle> flush)
    {
        _walPath = databasePath + "-wal";
        _flush = flush;
        _thread = new Thread(Run) { IsBackground = true, Name = "cases-sqlite-wal-sync" };
        _thread.Start();
    }

    /// <summary>Queues the answer to a committed batch; it runs on the thread pool after the next flush, with the flush's error if it failed.</summary>
    public void AfterNextFlush(Action<Exception?> answer)
    {
        if (!_committed.Writer.TryWrite(answer))
            answer(new ObjectDisposedException(nameof(SqliteEventStore), "The store is closed."));
    }

    public void Dispose()
    {
        _committed.Writer.TryComplete();
        _thread.Join();
        _wal?.Dispose();
    }

    private void Run()
    {
        var reader = _committed.Reader;
        var answers = new List<Action<Exception?>>();
        while (reader.TryPeek(out _) || reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var answer))
                answers.Add(answer);
            var error = Flush();
            var flushed = answers.ToArray();
            WriteOp.AnswerOffThread(() =>
            {
                foreach (var answer in flushed)
                    answer(error);
            });
            answers.Clear();
        }
    }

    private Exception? Flush()
    {
        try
        {
            _wal ??= File.OpenHandle(_walPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _flush(_wal);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The commit may be on disk or not; the caller retries with the same command id and learns which.
            return new StoreUnavailableException($"Syncing the SQLite WAL failed: {e.Message}", e);
        }
    }
}
