using Cases.Silo.Api;

namespace Cases.Silo.WebConsole;

/// <summary>Reads a stream's events for display, capped so a long stream cannot make a page unbounded.</summary>
internal static class ConsoleTimeline
{
    public const int MaxEvents = 500;

    public static async Task<List<TimelineRow>> ReadAsync(ProgrammeGrains grains, string stream, CancellationToken ct)
    {
        var rows = new List<TimelineRow>();
        await foreach (var e in grains.Store.ReadStreamAsync(stream, 1, MaxEvents, ct))
            rows.Add(new TimelineRow(e.Version, e.EventId, e.EventType, e.RecordedAt, e.Actor, e.Payload, e.CausationId));
        return rows;
    }
}
