using Cases.Journal.Storage;
using Microsoft.Extensions.Options;

namespace Cases.Silo;

/// <summary>Opens the event store as the silo starts and, while it cannot, keeps retrying in the background.</summary>
public sealed partial class StoreInitializer(
    IEventStore store,
    StoreInfo info,
    IOptions<SiloOptions> options,
    TimeProvider time,
    ILogger<StoreInitializer> logger) : IHostedService
{
    // Never disposed: without a timer it holds nothing to release, and StopAsync may come after the host's disposal
    // (WebApplicationFactory stops a minimal-hosting app twice), where a disposed source would throw.
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;
    private volatile bool _isOpen;
    private volatile string? _failure;

    /// <summary>Whether the store has been opened and may be used.</summary>
    public bool IsOpen => _isOpen;

    /// <summary>Why the last attempt to open the store failed, or null.</summary>
    public string? Failure => _failure;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first attempt runs before Kestrel starts, so a healthy silo never serves with a closed store.
        if (!await TryOpenAsync(cancellationToken).ConfigureAwait(false))
            _retrying = RetryAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _retrying.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RetryAsync(CancellationToken ct)
    {
        try
        {
            do
                await Task.Delay(options.Value.StoreRetryInterval, time, ct).ConfigureAwait(false);
            while (!await TryOpenAsync(ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The silo is stopping; there is nothing left to open the store for.
        }
    }

    private async Task<bool> TryOpenAsync(CancellationToken ct)
    {
        try
        {
            await store.InitializeAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _failure = e.Message;
            LogOpenFailed(logger, info.Provider, info.Location, options.Value.StoreRetryInterval, e.Message);
            return false;
        }
        _failure = null;
        _isOpen = true;
        LogOpened(logger, info.Provider, info.Location);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened the {Provider} store at {Location}")]
    private static partial void LogOpened(ILogger logger, string provider, string location);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot open the {Provider} store at {Location}; retrying every {Interval}: {Reason}")]
    private static partial void LogOpenFailed(ILogger logger, string provider, string location, TimeSpan interval, string reason);
}
