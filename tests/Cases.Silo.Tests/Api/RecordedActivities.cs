using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cases.Silo.Tests.Api;

/// <summary>Every activity of one source stopped while this listens, whichever silo of the process made it; a test picks its own by trace id.</summary>
public sealed class RecordedActivities : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    /// <summary>Starts listening to the source.</summary>
    public RecordedActivities(string sourceName)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The stopped activities of the trace once there are at least <paramref name="count"/> (or after 30 s, whatever there are).</summary>
    public async Task<IReadOnlyList<Activity>> EventuallyAsync(ActivityTraceId traceId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = _stopped.Where(a => a.TraceId == traceId).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
                return found;
            await Task.Delay(50);
        }
    }

    /// <summary>Every stopped activity so far.</summary>
    public IReadOnlyList<Activity> All => [.. _stopped];

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}
