using Cases.Journal.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Cases.Grains.Streams;

/// <summary>The decision streams' persistent stream provider: its queues are partitions of the journal's global log, pulled by Orleans' agents.</summary>
/// <remarks>Read-only: decisions enter the log by being committed by their grains, never by producing onto a stream.</remarks>
internal sealed class LogQueueAdapterFactory(
    string name,
    DecisionRouter router,
    LogTail tail,
    IEventStore store,
    DecisionStreamOptions options,
    DecisionStreamMonitor monitor,
    ILoggerFactory loggers) : IQueueAdapterFactory, IQueueAdapter
{
    private readonly SimpleQueueAdapterCache _cache = new(new SimpleQueueCacheOptions { CacheSize = options.CacheSize }, name, loggers);
    private readonly DeliveryFailureLog _failures = new(loggers.CreateLogger<DeliveryFailureLog>());

    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadOnly;

    /// <summary>Creates the provider's factory from the silo's services.</summary>
    public static LogQueueAdapterFactory Create(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<DecisionRouter>(),
        services.GetRequiredService<LogTail>(),
        services.GetRequiredService<IEventStore>(),
        services.GetRequiredService<IOptions<DecisionStreamOptions>>().Value,
        services.GetRequiredService<DecisionStreamMonitor>(),
        services.GetRequiredService<ILoggerFactory>());

    [Obsolete("Orleans calls the overload with a cancellation token.")]
    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(this);

    public Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) => Task.FromResult<IQueueAdapter>(this);

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => router.Mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => Task.FromResult<IStreamFailureHandler>(_failures);

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new LogQueueReceiver(queueId, router, tail, store, options, monitor, loggers.CreateLogger<LogQueueReceiver>());

    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext) =>
        throw new NotSupportedException("Decisions enter the decision streams by being committed to the journal, not by producing onto a stream.");
}
