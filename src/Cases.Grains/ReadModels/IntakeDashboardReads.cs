using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Orleans;

namespace Cases.Grains.ReadModels;

/// <summary>Reads the intake dashboard's minutes from the hours a window covers (at most five for four hours), whatever the log's length.</summary>
public static class IntakeDashboardReads
{
    /// <summary>Per-minute registrations, applications and decisions for the <paramref name="minutes"/> ending with the minute of <paramref name="now"/>.</summary>
    public static async Task<IReadOnlyList<IntakeMinute>> WindowAsync(IGrainFactory grains, DateTimeOffset now, int minutes)
    {
        var last = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, now.UtcDateTime.Day, now.UtcDateTime.Hour, now.UtcDateTime.Minute, 0, TimeSpan.Zero);
        var first = last.AddMinutes(1 - minutes);
        var hours = Enumerable.Range(0, minutes).Select(i => IntakeDashboard.HourOf(first.AddMinutes(i))).Distinct(StringComparer.Ordinal).ToList();
        var states = await Task.WhenAll(hours.Select(async h => (Hour: h, State: (IntakeHourState)await grains.GetGrain<IIntakeDashboardGrain>(h).GetState())));
        var byHour = states.ToDictionary(s => s.Hour, s => s.State, StringComparer.Ordinal);
        return Enumerable.Range(0, minutes).Select(i =>
        {
            var at = first.AddMinutes(i);
            var hour = byHour[IntakeDashboard.HourOf(at)];
            var m = at.UtcDateTime.Minute;
            return new IntakeMinute(at, hour.Registrations[m], hour.Applications[m], hour.Decisions[m]);
        }).ToList();
    }
}

/// <summary>One minute of the intake dashboard (UTC start).</summary>
public sealed record IntakeMinute(DateTimeOffset Start, long Registrations, long Applications, long Decisions);
