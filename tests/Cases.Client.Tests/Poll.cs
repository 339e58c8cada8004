namespace Cases.Client.Tests;

/// <summary>Waits for an asynchronous effect (stream propagation) with a bounded deadline, failing the test when it never shows.</summary>
public static class Poll
{
    /// <summary>Retries the check every 100 ms until it holds or the deadline (default 15 s) passes.</summary>
    public static async Task UntilAsync(Func<Task<bool>> check, TimeSpan? deadline = null, string? what = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(15));
        while (!await check())
        {
            if (DateTime.UtcNow > until)
                Assert.Fail($"timed out waiting for {what ?? "the effect"}");
            await Task.Delay(100);
        }
    }
}
