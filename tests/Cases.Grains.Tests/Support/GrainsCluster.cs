using Cases.Domain;
using Cases.Domain.Rules;
using Cases.Grains.Journaling;
using Cases.Grains.Storage;
using Cases.Grains.Streams;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Cases.Grains.Tests.Support;

/// <summary>An in-process Orleans cluster whose silos host the programme's grains (and the test grains) over one shared event store.</summary>
/// <remarks>The store outlives the cluster unless the cluster owns it, so a test can stop a cluster and start another on the same store, as a restart would.
/// Grain state (the default grain storage) is a SQLite table beside the store's file, so it outlives the cluster as the store does.</remarks>
public sealed class GrainsCluster : IAsyncDisposable
{
    private readonly IEventStore? _owned;
    private readonly TestGrainState _grainState;

    private GrainsCluster(InProcessTestCluster cluster, IEventStore store, IEventStore? owned, TestGrainState grainState)
    {
        Cluster = cluster;
        Store = store;
        _owned = owned;
        _grainState = grainState;
    }

    /// <summary>The rule set and subscriptions every test cluster runs.</summary>
    public static Programme Programme { get; } = new(new RuleSet());

    public InProcessTestCluster Cluster { get; }

    public IEventStore Store { get; }

    /// <summary>The table behind the silos' default grain storage.</summary>
    public IGrainStateTable GrainState => _grainState.Table;

    /// <summary>Grains as a client of the cluster reaches them.</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Starts a cluster over a store; with <paramref name="ownsStore"/> the store is disposed with the cluster.</summary>
    public static async Task<GrainsCluster> StartAsync(IEventStore store, ClusterSettings? settings = null, bool ownsStore = false)
    {
        settings ??= new ClusterSettings();
        var grainState = TestGrainState.For(store);
        var builder = new InProcessTestClusterBuilder((short)settings.Silos);
        builder.ConfigureSiloHost((_, host) =>
        {
            // Registered as an instance, so no silo's container disposes the shared store.
            host.Services.AddSingleton(store);
            host.Services.AddSingleton<IGrainStateTable>(grainState.Table);
            host.Services.AddSingleton(Programme);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddProgrammeGrains();
            silo.AddTableGrainStorageAsDefault();
            silo.Services.Configure(settings.Journal);
            silo.Services.Configure(settings.Streams);
            silo.Services.Configure<GrainCollectionOptions>(o =>
            {
                if (settings.CollectionInterval is { } quantum)
                    o.CollectionQuantum = quantum;
                if (settings.IdleTimeout is { } age)
                    o.CollectionAge = age;
            });
            settings.Silo(silo);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await grainState.DisposeAsync();
            throw;
        }
        return new GrainsCluster(cluster, store, ownsStore ? store : null, grainState);
    }

    /// <summary>A grain by key, through the cluster's client.</summary>
    public T Grain<T>(string key) where T : IGrainWithStringKey => Grains.GetGrain<T>(key);

    /// <summary>A service of one silo (the first by default), e.g. its <see cref="JournalActivity"/>.</summary>
    public T Service<T>(int silo = 0) where T : notnull => Cluster.Silos[silo].ServiceProvider.GetRequiredService<T>();

    /// <summary>Every event of a stream, in version order.</summary>
    public async Task<List<StoredEvent>> StreamAsync(string streamId) => await Store.ReadStreamAsync(streamId, 1, long.MaxValue).ToListAsync();

    /// <summary>The global position of the newest event in the log, or 0.</summary>
    public async Task<long> HeadAsync() => (await Store.ReadAllAsync(1).ToListAsync()) is { Count: > 0 } all ? all[^1].Position : 0;

    /// <summary>Waits until every decision queue of the cluster is pulled and has delivered everything up to the position.</summary>
    public async Task WhenDeliveredAsync(long position, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var queues = Service<DecisionRouter>().Queues;
        while (true)
        {
            var pulled = Cluster.GetActiveSilos().SelectMany(s => s.ServiceProvider.GetRequiredService<DecisionStreamMonitor>().Queues.Values).ToList();
            if (pulled.Count == queues && pulled.All(q => q.InFlight == 0 && q.Deliverable >= position))
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The decision queues had not delivered up to position {position}: {pulled.Count} of {queues} pulled, at {string.Join(", ", pulled.Select(q => q.Deliverable))}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Polls until the condition holds; streams are asynchronous, so effects are awaited, not assumed.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await _grainState.DisposeAsync();
        if (_owned is not null)
            await _owned.DisposeAsync();
    }
}
