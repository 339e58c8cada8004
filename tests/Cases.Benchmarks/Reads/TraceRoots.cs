using Cases.Domain.Applicants;
using Cases.Grains.ReadModels;
using Cases.Journal.Storage;

namespace Cases.Benchmarks.Reads;

/// <summary>Picks the permit approvals the trace measurement follows: each spans cause → effect → effect (approval; the office's allocation; the case recording it).</summary>
internal static class TraceRoots
{
    private static readonly string[] Approvals = [nameof(PermitApproved)];

    /// <summary>Up to <paramref name="count"/> approvals spread evenly over the log whose traces reach depth 2; tracing each once also warms the path up.</summary>
    public static async Task<IReadOnlyList<Guid>> PickAsync(IGrainFactory grains, IEventStore store, int count)
    {
        var all = new List<Guid>();
        for (long after = 0; ;)
        {
            var page = await store.ReadLogAsync(after, Approvals, 1024);
            all.AddRange(page.Events.Select(e => e.EventId));
            if (page.ScannedThrough <= after)
                break;
            after = page.ScannedThrough;
        }
        var picked = new List<Guid>(count);
        var step = Math.Max(1.0, all.Count / (double)count);
        for (var at = 0.0; at < all.Count && picked.Count < count; at += step)
        {
            var id = all[(int)at];
            if (await CausationTraces.TraceAsync(grains, store, id) is { } trace && trace.Effects.Any(x => x.Depth == 2))
                picked.Add(id);
        }
        if (picked.Count == 0)
            throw new InvalidOperationException($"None of the store's {all.Count} approvals traces to an effect of an effect.");
        return picked;
    }
}
