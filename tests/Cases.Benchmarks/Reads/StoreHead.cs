using Microsoft.Data.Sqlite;

namespace Cases.Benchmarks.Reads;

/// <summary>How many events a SQLite store's log holds and when the newest was recorded, read straight from the file (positions are dense from 1).</summary>
internal static class StoreHead
{
    /// <summary>The newest position of the log in the database file, or 0 when the file or its log is absent.</summary>
    public static long Of(string databasePath) =>
        File.Exists(databasePath) ? Scalar(databasePath, "SELECT COALESCE(MAX(position), 0) FROM events") : 0;

    /// <summary>When the newest event of the log was recorded (UTC).</summary>
    public static DateTimeOffset LastRecordedAt(string databasePath) =>
        new(Scalar(databasePath, "SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1"), TimeSpan.Zero);

    private static long Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
