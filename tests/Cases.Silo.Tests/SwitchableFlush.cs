using Microsoft.Win32.SafeHandles;

namespace Cases.Silo.Tests;

/// <summary>A WAL flush for a test silo's SQLite store that flushes for real until told to fail, as a disk that stops taking writes would.</summary>
public sealed class SwitchableFlush
{
    private volatile bool _failing;

    /// <summary>Whether every flush from now on fails with an IOException.</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public void Flush(SafeFileHandle wal)
    {
        if (_failing)
            throw new IOException("The disk refused the flush (test).");
        RandomAccess.FlushToDisk(wal);
    }
}
