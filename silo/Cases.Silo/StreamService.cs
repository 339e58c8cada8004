using Cases.Domain;
using Cases.Runtime.Hosting;
using Cases.Runtime.Streams;
using Microsoft.Extensions.Options;

namespace Cases.Silo;

/// <summary>Runs the silo's stream delivery once the store is open, and stops it before the runtime goes.</summary>
public sealed class StreamService(
    GrainRuntime runtime,
    Programme programme,
    StoreInitializer store,
    IOptions<SiloOptions> options,
    ILogger<StreamDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan StoreWait = TimeSpan.FromMilliseconds(200);

    /// <summary>The running dispatcher, or null while the store is not open yet.</summary>
    public StreamDispatcher? Dispatcher { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.StreamsEnabled)
            return;
        while (!store.IsOpen)
            await Task.Delay(StoreWait, stoppingToken).ConfigureAwait(false);
        var dispatcher = new StreamDispatcher(runtime, programme.Subscriptions, new StreamOptions(), logger);
        await dispatcher.StartAsync(stoppingToken).ConfigureAwait(false);
        Dispatcher = dispatcher;
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping: deliveries in flight finish or are redelivered after restart.
        }
        finally
        {
            await dispatcher.DisposeAsync().ConfigureAwait(false);
        }
    }
}
