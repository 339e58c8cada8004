using Cases.Journal.Storage;

namespace Cases.Journal.Events;

/// <summary>Recomputes hash chains from stored events so that any later edit of a stored event is detected.</summary>
public static class ChainVerifier
{
    /// <summary>Verifies one stream from its first event.</summary>
    public static async Task<ChainVerification> VerifyStreamAsync(IEventStore store, string streamId, CancellationToken ct = default)
    {
        var link = new Link(streamId);
        await foreach (var e in store.ReadStreamAsync(streamId, 1, long.MaxValue, ct))
        {
            if (!link.Accept(e))
                break;
        }
        return link.Verdict();
    }

    /// <summary>Verifies every stream by one pass over the global log; returns only the broken streams.</summary>
    public static async Task<IReadOnlyList<ChainVerification>> VerifyAllAsync(IEventStore store, CancellationToken ct = default)
    {
        var links = new Dictionary<string, Link>(StringComparer.Ordinal);
        await foreach (var e in store.ReadAllAsync(1, ct))
        {
            if (!links.TryGetValue(e.StreamId, out var link))
                links[e.StreamId] = link = new Link(e.StreamId);
            link.Accept(e);
        }
        return links.Values.Select(l => l.Verdict()).Where(v => !v.IsIntact).ToList();
    }

    private sealed class Link(string streamId)
    {
        private byte[] _previous = EventHasher.Genesis.ToArray();
        private long _version;
        private long _checked;
        private long? _brokenAt;
        private string? _problem;

        public bool Accept(StoredEvent e)
        {
            if (_brokenAt is not null)
                return false;
            if (e.Version != _version + 1)
                return Break(_version + 1, $"version {_version + 1} is missing (found {e.Version})");
            var expected = EventHasher.Compute(_previous, e);
            if (!expected.AsSpan().SequenceEqual(e.Hash))
                return Break(e.Version, "stored hash does not match the event's content and its predecessor's hash");
            _previous = e.Hash;
            _version = e.Version;
            _checked++;
            return true;
        }

        public ChainVerification Verdict() => new(streamId, _checked, _brokenAt, _problem);

        private bool Break(long version, string problem)
        {
            _brokenAt = version;
            _problem = problem;
            return false;
        }
    }
}
