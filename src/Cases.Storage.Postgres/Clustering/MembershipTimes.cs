namespace Cases.Storage.Postgres.Clustering;

/// <summary>Membership times as UTC, the only kind Npgsql writes to <c>timestamptz</c>.</summary>
internal static class MembershipTimes
{
    /// <summary>The same instant as a UTC <see cref="DateTime"/>; an unspecified kind is taken as UTC, as Orleans itself does.</summary>
    public static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
