using Azure;
using Cases.Journal.Storage;

namespace Cases.Storage.Azure;

/// <summary>Turns Azure Storage failures (service down, throttling, timeouts) into the journal's retryable <see cref="StoreUnavailableException"/>.</summary>
internal static class AzureErrors
{
    public static bool IsStoreFailure(Exception e) =>
        // The SDK reports its network timeout as a cancellation: a caller's own cancellation is as retryable.
        e is RequestFailedException { Status: 0 or 408 or 429 or >= 500 } or TimeoutException or HttpRequestException or IOException or OperationCanceledException
        || (e is AggregateException a && a.InnerExceptions.All(IsStoreFailure));

    public static StoreUnavailableException Unavailable(string doing, Exception e) => new($"Azure Storage store: cannot {doing}: {e.Message}", e);

    public static async Task<T> GuardAsync<T>(string doing, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            throw Unavailable(doing, e);
        }
    }
}
