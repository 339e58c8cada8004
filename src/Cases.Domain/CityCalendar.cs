using System.Collections.Concurrent;
using System.Globalization;

namespace Cases.Domain;

/// <summary>The city's calendar: turns an instant into the city's date, which every "on the application date" rule uses.</summary>
/// <remarks>One per rule set (<see cref="Rules.RuleSet.TimeZone"/>), so applicant, enterprise, park and grant dates never disagree about the day.</remarks>
public sealed class CityCalendar
{
    private static readonly ConcurrentDictionary<string, CityCalendar> Known = new(StringComparer.Ordinal);

    private CityCalendar(TimeZoneInfo zone) => Zone = zone;

    /// <summary>The time zone whose wall-clock date is the city's date.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The calendar of an IANA time zone ("Asia/Shanghai"); throws naming the setting when this machine does not know the zone.</summary>
    public static CityCalendar For(string timeZone) => Known.GetOrAdd(timeZone, static id =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? new CityCalendar(zone)
            : throw new InvalidOperationException(
                $"Cases:Rules:TimeZone \"{id}\" is not a time zone this machine knows; name an IANA zone such as Asia/Shanghai (Debian package tzdata)."));

    /// <summary>The city's date at an instant, whatever offset the instant carries.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>ISO form (yyyy-MM-dd) for reasons people read.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
