using Azure;
using Azure.Data.Tables;
using Cases.Journal.Storage;

namespace Cases.Storage.Azure;

/// <summary>Snapshots and checkpoints: single-entity writes that only ever move forward, by read, compare and write on the ETag.</summary>
/// <remarks>They need no atomicity with appends, so they stay out of the log partition's transactions and its throughput.</remarks>
internal static class ConditionalWrites
{
    private const int MaxAttempts = 16;

    public static Task SaveSnapshotAsync(TableClient table, Snapshot snapshot, CancellationToken ct)
    {
        var entity = AzureRows.Snapshot(snapshot);
        return ForwardAsync(table, entity, current => current.GetInt64("Version") >= snapshot.Version, "save a snapshot", ct);
    }

    public static Task SaveCheckpointAsync(TableClient table, string name, long position, DateTimeOffset now, CancellationToken ct)
    {
        var entity = new TableEntity(TableKeys.Checkpoints, TableKeys.Checkpoint(name)) { ["Position"] = position, ["UpdatedAt"] = now.UtcTicks };
        return ForwardAsync(table, entity, current => current.GetInt64("Position") >= position, "save a checkpoint", ct);
    }

    // Writes the entity unless the stored one is already as far; a concurrent writer makes the ETag fail and the comparison run again.
    private static Task ForwardAsync(TableClient table, TableEntity entity, Func<TableEntity, bool> storedIsAhead, string doing, CancellationToken ct) =>
        AzureErrors.GuardAsync(doing, async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var current = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct).ConfigureAwait(false);
                if (current.HasValue && storedIsAhead(current.Value!))
                    return true;
                try
                {
                    if (current.HasValue)
                        await table.UpdateEntityAsync(entity, current.Value!.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                    else
                        await table.AddEntityAsync(entity, ct).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
                {
                    // Another writer got there first: compare with what it wrote.
                }
            }
        });
}
