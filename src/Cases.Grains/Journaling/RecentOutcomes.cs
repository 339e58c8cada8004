using Cases.Grains.Contracts;

namespace Cases.Grains.Journaling;

/// <summary>A small first-in-first-out memory of a grain's latest command outcomes, by command id.</summary>
internal sealed class RecentOutcomes(int capacity)
{
    private readonly Dictionary<string, CommandResult> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool TryGet(string commandId, out CommandResult result) => _byId.TryGetValue(commandId, out result!);

    public void Add(CommandResult result)
    {
        if (capacity <= 0 || !_byId.TryAdd(result.CommandId, result))
            return;
        _order.Enqueue(result.CommandId);
        if (_order.Count > capacity)
            _byId.Remove(_order.Dequeue());
    }
}
