using Cases.Journal.Storage;
using Cases.Storage.Conformance;
using static Cases.Storage.Conformance.Appends;

namespace Cases.Storage.Sqlite.Tests;

/// <summary>With full durability no write is acknowledged before the WAL flush that covers it returns, and a failed flush fails the write.</summary>
/// <remarks>Kill tests cannot show this (a killed process leaves the page cache to the kernel), so the flush is held and failed through its seam.</remarks>
public sealed class SqliteFlushTests
{
    public static TheoryData<string> Writes => DurableWrites.Kinds;

    [Theory, MemberData(nameof(Writes))]
    public async Task AWriteStaysUnacknowledgedUntilTheFlushCompletes(string write)
    {
        await using var gated = await GatedStore.OpenAsync();
        var name = NewStream();

        var acknowledged = DurableWrites.StartAsync(gated.Store, write, name);
        // A write answered without any flush ends this wait too, and fails the test below.
        await Task.WhenAny(gated.Flush.Entered, acknowledged);

        // Committed, so readers already see it; only the flush stands between it and the caller.
        Assert.True(await DurableWrites.IsVisibleAsync(gated.Store, write, name), $"the {write} was not committed before its flush");
        Assert.False(acknowledged.IsCompleted, $"the {write} was acknowledged before the flush that makes it durable");
        gated.Flush.Release();
        await acknowledged;
    }

    [Theory, MemberData(nameof(Writes))]
    public async Task AWriteWhoseFlushFailsFailsAsStoreUnavailable(string write)
    {
        await using var gated = await GatedStore.OpenAsync();

        var acknowledged = DurableWrites.StartAsync(gated.Store, write, NewStream());
        await Task.WhenAny(gated.Flush.Entered, acknowledged);
        gated.Flush.Release(fail: true);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => acknowledged);
        Assert.Contains("The disk refused the flush (test).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FullDurabilityFlushesTheWalByDefault() =>
        Assert.Equal((SqliteSynchronous.Full, nameof(RandomAccess.FlushToDisk)), (new SqliteStoreOptions().Synchronous, new SqliteStoreOptions().FlushWal.Method.Name));
}
