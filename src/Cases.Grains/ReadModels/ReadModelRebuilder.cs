using Cases.Domain;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Journal.Storage;
using Orleans;
using Orleans.Runtime;

namespace Cases.Grains.ReadModels;

/// <summary>Rebuilds every read model from the journal's log in one pass, or only compares the rebuilt states with the live ones.</summary>
/// <remarks>Safe while the silo runs: each partition folds onto the rebuilt state whatever it applied after the pass read the log's end.</remarks>
public sealed class ReadModelRebuilder(Programme programme, IEventStore store, IGrainFactory grains)
{
    private const int ConcurrentPartitions = 16;

    /// <summary>Folds the whole log into fresh states and hands each partition its own; answers how many partitions differed from the live model.</summary>
    public async Task<ReadModelRebuildReport> RunAsync(bool compareOnly, CancellationToken ct = default)
    {
        var models = programme.ReadModels.All;
        var states = models.ToDictionary(m => m.Name, _ => new Dictionary<string, ReadModelState>(StringComparer.Ordinal));
        long end = 0, events = 0;
        await foreach (var e in store.ReadAllAsync(1, ct))
        {
            (end, events) = (e.Position, events + 1);
            foreach (var model in models)
                model.FoldInto(states[model.Name], e);
        }
        var reports = new List<RebuiltReadModel>();
        foreach (var model in models)
            reports.Add(await HandOverAsync(model.Name, states[model.Name], end, compareOnly, ct));
        return new ReadModelRebuildReport(events, end, compareOnly, reports);
    }

    private async Task<RebuiltReadModel> HandOverAsync(string model, Dictionary<string, ReadModelState> states, long end, bool compareOnly, CancellationToken ct)
    {
        var differing = new List<string>();
        await Parallel.ForEachAsync(states, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentPartitions, CancellationToken = ct }, async (entry, _) =>
        {
            // Every partition has read the log to its end, whether or not its last event was there.
            entry.Value.AppliedThrough = end;
            if (!await grains.GetGrain<IReadModelGrain>(GrainId.Create(model, entry.Key)).Rebuilt(entry.Value, compareOnly))
            {
                lock (differing)
                    differing.Add(entry.Key);
            }
        });
        return new RebuiltReadModel(model, states.Count, differing.Order(StringComparer.Ordinal).ToList());
    }
}
