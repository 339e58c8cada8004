using Cases.Domain;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;
using Orleans.Runtime;

namespace Cases.Grains.ReadModels;

/// <summary>The Orleans grain of one bucket of the officers' queue.</summary>
[GrainType(OfficerQueue.GrainType)]
[ImplicitStreamSubscription(OfficerQueue.GrainType)]
public sealed class OfficerQueueGrain(Programme programme, [PersistentState("state")] IPersistentState<OfficerQueueState> state, GrainJournal journal)
    : ReadModelGrain<OfficerQueueState>(programme.ReadModels.OfficerQueue, state, journal.Store), IOfficerQueueGrain
{
    /// <inheritdoc />
    public Task<QueueSlice> Oldest(QueueFilter filter, long afterPosition, int limit)
    {
        var matching = State.Pending.Values.Where(filter.Matches).ToList();
        var oldest = matching.Where(a => a.Position > afterPosition).OrderBy(a => a.Position).Take(limit).ToList();
        return Task.FromResult(new QueueSlice(oldest, matching.Count));
    }

    /// <inheritdoc />
    public Task<bool> Lists(string kind, string applicantKey) => Task.FromResult(State.Pending.ContainsKey(OfficerQueueState.KeyOf(kind, applicantKey)));
}
