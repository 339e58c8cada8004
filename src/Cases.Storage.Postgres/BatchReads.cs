using Cases.Journal.Events;
using Cases.Journal.Storage;
using Npgsql;

namespace Cases.Storage.Postgres;

/// <summary>The first round trip of a group commit: BEGIN, the write lock, the log's last position, the heads and the command ids the batch needs.</summary>
internal sealed record BatchReads(
    long LastPosition,
    IReadOnlyDictionary<string, (long Version, byte[] Hash)> Heads,
    IReadOnlyDictionary<(string CommandId, string StreamId), StoredCommandOutcome> Seen)
{
    public static async Task<BatchReads> ReadAsync(
        NpgsqlConnection connection, PostgresStatements sql, (int, int) writeLock, IReadOnlyList<AppendRequest> appends, StreamHeads cache)
    {
        var streams = appends.Select(a => a.StreamId).Distinct(StringComparer.Ordinal).ToList();
        var misses = streams.Where(s => !cache.IsCached(s)).ToArray();
        var ids = appends.SelectMany(a => a.Commands.Select(c => (c.CommandId, a.StreamId))).Distinct().ToArray();

        var heads = new Dictionary<string, (long, byte[])>(StringComparer.Ordinal);
        var seen = new Dictionary<(string, string), StoredCommandOutcome>();
        long lastPosition;
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            // Statements after the lock run after it is granted, and READ COMMITTED gives each a snapshot taken then.
            batch.BatchCommands.Add(BatchRows.Command(sql.LockWrites, writeLock.Item1, writeLock.Item2));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql.LastPosition));
            if (misses.Length > 0)
                batch.BatchCommands.Add(BatchRows.Command(sql.Heads, (object)misses));
            if (ids.Length > 0)
                batch.BatchCommands.Add(BatchRows.Command(sql.SeenCommands, ids.Select(i => i.CommandId).ToArray(), ids.Select(i => i.StreamId).ToArray()));

            await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
            await reader.NextResultAsync().ConfigureAwait(false); // past the lock's (void) row
            await reader.ReadAsync().ConfigureAwait(false);
            lastPosition = reader.GetInt64(0);
            if (misses.Length > 0)
            {
                await reader.NextResultAsync().ConfigureAwait(false);
                await ReadHeadsAsync(reader, heads).ConfigureAwait(false);
            }
            if (ids.Length > 0)
            {
                await reader.NextResultAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    var (commandId, streamId) = (reader.GetString(0), reader.GetString(1));
                    seen[(commandId, streamId)] = PostgresRows.Outcome(streamId, commandId, reader, offset: 2);
                }
            }
        }

        // Another writer committed since our last transaction: the heads we skipped reading may be stale, so read them now.
        var hits = streams.Where(s => !misses.Contains(s, StringComparer.Ordinal)).ToArray();
        if (!cache.Begin(lastPosition) && hits.Length > 0)
        {
            await using var command = new NpgsqlCommand(sql.Heads, connection);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = hits });
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            await ReadHeadsAsync(reader, heads).ConfigureAwait(false);
        }
        return new BatchReads(lastPosition, heads, seen);
    }

    private static async Task ReadHeadsAsync(NpgsqlDataReader reader, Dictionary<string, (long, byte[])> heads)
    {
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var hash = reader.GetFieldValue<byte[]>(2);
            if (hash.Length != EventHasher.HashLength)
                throw new InvalidDataException($"Stream {reader.GetString(0)} has a head hash of {hash.Length} bytes.");
            heads[reader.GetString(0)] = (reader.GetInt64(1), hash);
        }
    }
}
