using System.Globalization;

namespace Cases.Domain;

/// <summary>Turns the command's instant into the city's calendar date, which every "on the application date" rule uses.</summary>
public static class CityCalendar
{
    /// <summary>China Standard Time, UTC+8 all year; dates are the city's, not the server's or UTC's.</summary>
    public static readonly TimeSpan UtcOffset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);

    /// <summary>ISO form (yyyy-MM-dd) for reasons people read.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
