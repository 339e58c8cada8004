using System.Net;
using System.Net.Sockets;
using Cases.Domain;
using Cases.Domain.Rules;
using Cases.Grains;
using Cases.Grains.Journaling;
using Cases.Grains.Streams;
using Cases.Journal.Storage;
using Cases.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Cases.Benchmarks;

/// <summary>A real Orleans silo in this process (localhost clustering, loopback ports) hosting the programme's grains and the counter over a store, reached as the HTTP API reaches grains.</summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public JournalActivity Activity => _host.Services.GetRequiredService<JournalActivity>();

    /// <summary>A service of the silo, e.g. its <see cref="DecisionRouter"/>.</summary>
    public T Service<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Waits until every decision queue is pulled, has nothing in flight and has delivered through the newest commit, which no longer moves.</summary>
    public async Task WhenDeliveredAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var queues = Service<DecisionRouter>().Queues;
        var monitor = Service<DecisionStreamMonitor>();
        while (true)
        {
            var head = Activity.Head;
            var pulled = monitor.Queues.Values.ToList();
            if (pulled.Count == queues && pulled.All(q => q.InFlight == 0 && q.Deliverable >= head) && Activity.Head == head)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The decision queues had not delivered up to position {head}: {pulled.Count} of {queues} pulled, at {string.Join(", ", pulled.Select(q => q.Deliverable))}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Starts a silo over the store; with <paramref name="holdStreams"/> the decision queues' agents do not start, so effects wait in the log.</summary>
    /// <remarks><paramref name="grainStorage"/> registers the default grain storage; without it a SQLite store gets ours in a file beside its own.</remarks>
    public static async Task<BenchSilo> StartAsync(IEventStore store, Action<JournalOptions>? journal = null, Programme? programme = null, bool holdStreams = false,
        Action<ISiloBuilder>? grainStorage = null)
    {
        grainStorage ??= store is SqliteEventStore sqlite
            ? silo => BenchDatabase.AddGrainStorageBeside(silo, sqlite.DatabasePath)
            : throw new ArgumentException("A store other than SQLite needs its grain storage named.", nameof(grainStorage));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(programme ?? new Programme(new RuleSet()));
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), gatewayPort: 0);
            silo.AddProgrammeGrains();
            grainStorage(silo);
            if (journal is not null)
                silo.Services.Configure(journal);
            if (holdStreams)
                silo.Services.Configure<StreamLifecycleOptions>(DecisionStreams.ProviderName, o => o.StartupState = StreamLifecycleOptions.RunState.Initialized);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        // Asynchronously: the grain state table the container built is disposed asynchronously.
        if (_host is IAsyncDisposable host)
            await host.DisposeAsync();
        else
            _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
