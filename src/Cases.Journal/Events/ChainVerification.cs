namespace Cases.Journal.Events;

/// <summary>The verdict on one stream's hash chain: intact, or the first version where it breaks and why.</summary>
public sealed record ChainVerification(string StreamId, long EventsChecked, long? BrokenAtVersion, string? Problem)
{
    public bool IsIntact => BrokenAtVersion is null;

    public override string ToString() => IsIntact
        ? $"{StreamId}: intact ({EventsChecked} events)"
        : $"{StreamId}: broken at version {BrokenAtVersion}: {Problem}";
}
