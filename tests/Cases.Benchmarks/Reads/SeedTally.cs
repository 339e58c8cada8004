using System.Collections.Concurrent;
using Cases.Grains.Contracts;

namespace Cases.Benchmarks.Reads;

/// <summary>What the seed's own commands got, by step: accepted, rejected (with the first reason seen) and answered as retries of an earlier run.</summary>
internal sealed class SeedTally
{
    private readonly ConcurrentDictionary<string, long[]> _steps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _firstRejection = new(StringComparer.Ordinal);

    public void Answered(string step, CommandResult result)
    {
        var counts = _steps.GetOrAdd(step, _ => new long[3]);
        Interlocked.Increment(ref counts[result.IsRetry ? 2 : result.IsAccepted ? 0 : 1]);
        if (result.Rejection is { } rejection)
            _firstRejection.TryAdd(step, rejection.ToString() ?? "");
    }

    /// <summary>Accepted, rejected and retried commands per step, for the totals line.</summary>
    public Dictionary<string, object> Summary() => _steps.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(
        s => s.Key, s => (object)new { accepted = s.Value[0], rejected = s.Value[1], retried = s.Value[2] });

    /// <summary>The first rejection of each step that had any: a rejected seed step means the mix is not what it says.</summary>
    public IReadOnlyDictionary<string, string> Rejections => _firstRejection;
}
