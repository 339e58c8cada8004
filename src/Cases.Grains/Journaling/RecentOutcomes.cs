using Cases.Grains.Contracts;

namespace Cases.Grains.Journaling;

/// <summary>A small first-in-first-out memory of a grain's latest command outcomes and the fingerprints of their commands, by command id.</summary>
internal sealed class RecentOutcomes(int capacity)
{
    private readonly Dictionary<string, (CommandResult Result, byte[]? Fingerprint)> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool TryGet(string commandId, out CommandResult result, out byte[]? fingerprint)
    {
        var found = _byId.TryGetValue(commandId, out var entry);
        (result, fingerprint) = (entry.Result, entry.Fingerprint);
        return found;
    }

    public void Add(CommandResult result, byte[]? fingerprint)
    {
        if (capacity <= 0 || !_byId.TryAdd(result.CommandId, (result, fingerprint)))
            return;
        _order.Enqueue(result.CommandId);
        if (_order.Count > capacity)
            _byId.Remove(_order.Dequeue());
    }
}
