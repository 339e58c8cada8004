using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Orleans;

namespace Cases.Grains.ReadModels;

/// <summary>Reads the officers' queue: a page merged from every bucket's oldest entries, so its cost follows the page, not the log.</summary>
public static class OfficerQueueReads
{
    /// <summary>The oldest pending applications after a position that match the filters, how many match in all, and where the next page starts.</summary>
    public static async Task<OfficerQueuePage> PageAsync(IGrainFactory grains, QueueFilter filter, long afterPosition, int limit)
    {
        var slices = await Task.WhenAll(Partitions.AllBuckets(OfficerQueue.Buckets)
            .Select(b => grains.GetGrain<IOfficerQueueGrain>(b).Oldest(filter, afterPosition, limit + 1)));
        var merged = slices.SelectMany(s => s.Oldest).OrderBy(a => a.Position).Take(limit + 1).ToList();
        var page = merged.Take(limit).ToList();
        return new OfficerQueuePage(page, slices.Sum(s => s.Matching), merged.Count > limit ? page[^1].Position : null);
    }

    /// <summary>How many applications wait for an officer, of every kind and district.</summary>
    public static async Task<int> BacklogAsync(IGrainFactory grains) =>
        (await PageAsync(grains, new QueueFilter(null, null), long.MaxValue, 1)).Total;
}

/// <summary>A page of the officers' queue, oldest first; <paramref name="NextAfter"/> is the position to ask after for the next page, or null.</summary>
public sealed record OfficerQueuePage(IReadOnlyList<PendingApplication> Applications, int Total, long? NextAfter);
