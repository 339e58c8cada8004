using Cases.Domain;
using Cases.Runtime;
using Cases.Runtime.Hosting;
using Cases.Runtime.Streams;
using Cases.Silo.Cluster;
using Microsoft.Extensions.Options;

namespace Cases.Silo;

/// <summary>Runs stream delivery once the store is open; in a cluster only on the silo that owns the dispatcher's grain id, so one silo reads the log.</summary>
/// <remarks>Deliveries still run on each target's owner: the runtime forwards them. When the leader dies, the next owner resumes from the durable checkpoint.</remarks>
public sealed class StreamService(
    GrainRuntime runtime,
    Programme programme,
    StoreInitializer store,
    ClusterService cluster,
    IOptions<SiloOptions> options,
    ILogger<StreamDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Check = TimeSpan.FromMilliseconds(200);
    private static readonly GrainId Leadership = new("streams", "dispatcher");

    /// <summary>The running dispatcher, or null while this silo does not deliver.</summary>
    public StreamDispatcher? Dispatcher { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.StreamsEnabled)
            return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var lead = store.IsOpen && (cluster.View is not { } view || view.IsLocal(Leadership));
                if (lead && Dispatcher is null)
                {
                    var dispatcher = new StreamDispatcher(runtime, programme.Subscriptions, new StreamOptions(), logger);
                    await dispatcher.StartAsync(stoppingToken).ConfigureAwait(false);
                    Dispatcher = dispatcher;
                }
                else if (!lead && Dispatcher is { } running)
                {
                    Dispatcher = null;
                    await running.DisposeAsync().ConfigureAwait(false);
                }
                await Task.Delay(Check, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping: deliveries in flight finish or are redelivered after restart.
        }
        finally
        {
            if (Dispatcher is { } running)
                await running.DisposeAsync().ConfigureAwait(false);
        }
    }
}
