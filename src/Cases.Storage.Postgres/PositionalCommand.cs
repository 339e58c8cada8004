using Npgsql;

namespace Cases.Storage.Postgres;

/// <summary>Commands with positional parameters $1, $2, … bound to the values in the order given (null as SQL NULL).</summary>
internal static class PositionalCommand
{
    /// <summary>A command on an open connection (inside its transaction, if one is open).</summary>
    public static NpgsqlCommand On(NpgsqlConnection connection, string sql, object?[] values) => Bind(new NpgsqlCommand(sql, connection), values);

    /// <summary>A command that takes a pooled connection of its own when it runs.</summary>
    public static NpgsqlCommand On(NpgsqlDataSource dataSource, string sql, object?[] values) => Bind(dataSource.CreateCommand(sql), values);

    private static NpgsqlCommand Bind(NpgsqlCommand command, object?[] values)
    {
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }
}
