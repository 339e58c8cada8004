using Microsoft.Win32.SafeHandles;

namespace Cases.Storage.Sqlite.Tests;

/// <summary>A WAL flush held by the test: it signals when a flush begins, waits to be released, then flushes for real or fails as a broken disk would.</summary>
public sealed class GatedFlush
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the store's sync thread has entered a flush.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Lets every flush, held or later, go on: to the disk, or failing with an IOException.</summary>
    public void Release(bool fail = false) => _released.TrySetResult(fail);

    // Runs on the store's sync thread, so blocking here holds the flush as a slow disk would.
    public void Flush(SafeFileHandle wal)
    {
        _entered.TrySetResult();
        if (_released.Task.GetAwaiter().GetResult())
            throw new IOException("The disk refused the flush (test).");
        RandomAccess.FlushToDisk(wal);
    }
}
