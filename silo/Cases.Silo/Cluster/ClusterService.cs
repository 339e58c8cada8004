using Cases.Runtime.Cluster;
using Cases.Runtime.Hosting;
using Cases.Storage.Postgres;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Cases.Silo.Cluster;

/// <summary>Joins the silo to the cluster: registers in the membership table, heartbeats, keeps the view fresh, routes grains, and leaves on shutdown.</summary>
public sealed partial class ClusterService(
    GrainRuntime runtime,
    StoreInitializer store,
    IOptions<ClusterSettings> settings,
    IConfiguration configuration,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<ClusterService> logger) : BackgroundService
{
    /// <summary>This silo's view of the cluster, or null when it runs alone.</summary>
    public ClusterView? View { get; private set; }

    /// <summary>When this silo last wrote its heartbeat (or joined), or null before it has joined.</summary>
    public DateTimeOffset? LastHeartbeatAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Value;
        if (!options.Enabled)
            return;
        await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
        while (!store.IsOpen)
            await Task.Delay(200, stoppingToken).ConfigureAwait(false);

        await using var table = new PostgresMembershipTable(
            configuration["Cases:Postgres:ConnectionString"] ?? throw new InvalidOperationException("A cluster needs Cases:Postgres:ConnectionString."),
            configuration["Cases:Postgres:Schema"] ?? "cases");
        await table.InitializeAsync(stoppingToken).ConfigureAwait(false);
        var silo = new SiloInfo(SiloId(options), Address(options), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        var view = new ClusterView(silo.SiloId, table, new ClusterOptions { HeartbeatInterval = options.HeartbeatInterval, DeadAfter = options.DeadAfter });
        view.Changed += () => LogView(logger, silo.SiloId, string.Join(", ", view.Live.Select(s => s.SiloId)));
        await table.JoinAsync(silo, stoppingToken).ConfigureAwait(false);
        await view.RefreshAsync(stoppingToken).ConfigureAwait(false);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        runtime.UseCluster(view, new HttpGrainTransport(http, options.Secret));
        LastHeartbeatAt = silo.HeartbeatAt;
        View = view;
        try
        {
            using var timer = new PeriodicTimer(options.HeartbeatInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var now = DateTimeOffset.UtcNow;
                    await table.HeartbeatAsync(silo.SiloId, now, stoppingToken).ConfigureAwait(false);
                    LastHeartbeatAt = now;
                    await view.RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Missing heartbeats only make others take this silo's grains; its stale writes are refused by the conditional append.
                    LogHeartbeatFailed(logger, silo.SiloId, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        // Graceful shutdown: leaving at once hands the grains over without waiting for the dead-silo timeout.
        await table.LeaveAsync(silo.SiloId, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    private static string SiloId(ClusterSettings options)
    {
        if (options.SiloId.Length > 0)
            return options.SiloId;
        var generated = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return generated.Length > 48 ? generated[..48] : generated;
    }

    private Uri Address(ClusterSettings options)
    {
        if (options.Address.Length > 0)
            return new Uri(options.Address.EndsWith('/') ? options.Address : options.Address + "/");
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Set Cases:Cluster:Address: the silo's listening address is unknown.");
        return new Uri(bound.EndsWith('/') ? bound : bound + "/");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} sees live silos: {Live}")]
    private static partial void LogView(ILogger logger, string silo, string live);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} could not heartbeat or refresh its view: {Reason}")]
    private static partial void LogHeartbeatFailed(ILogger logger, string silo, string reason);
}
