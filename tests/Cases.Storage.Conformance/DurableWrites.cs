using Cases.Journal.Storage;
using static Cases.Storage.Conformance.Appends;

namespace Cases.Storage.Conformance;

/// <summary>The three writes a store acknowledges only once durable (an append, a snapshot, a checkpoint), for the stores' durability tests.</summary>
public static class DurableWrites
{
    /// <summary>The kinds of write, as theory data.</summary>
    public static TheoryData<string> Kinds => new() { "append", "snapshot", "checkpoint" };

    /// <summary>Starts one write of the kind, on a stream or checkpoint named <paramref name="name"/>; the task is its acknowledgement.</summary>
    public static Task StartAsync(IEventStore store, string kind, string name) => kind switch
    {
        "append" => store.AppendAsync(Request(name, 0, Command("c1"))),
        "snapshot" => store.SaveSnapshotAsync(new Snapshot(name, 1, 1, """{"v":1}""", Noon)),
        "checkpoint" => store.SaveCheckpointAsync(name, 7),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a durable write."),
    };

    /// <summary>Whether a reader of the store sees the write, committed or not yet acknowledged.</summary>
    public static async Task<bool> IsVisibleAsync(IEventStore store, string kind, string name) => kind switch
    {
        "append" => await store.ReadStreamAsync(name, 1, long.MaxValue).AnyAsync(),
        "snapshot" => (await store.LoadStartAsync(name)).Snapshot is not null,
        _ => await store.LoadCheckpointAsync(name) == 7,
    };
}
