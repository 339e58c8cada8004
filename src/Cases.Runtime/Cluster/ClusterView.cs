using System.Collections.Concurrent;

namespace Cases.Runtime.Cluster;

/// <summary>One silo's view of the live silos, refreshed from the membership table, answering which silo owns a grain.</summary>
public sealed class ClusterView(string localSiloId, IMembershipTable table, ClusterOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private volatile Snapshot _current = new([]);

    public string LocalSiloId { get; } = localSiloId;

    /// <summary>The silos alive at the last refresh, ordered by id.</summary>
    public IReadOnlyList<SiloInfo> Live => _current.Live;

    /// <summary>Raised after a refresh that changed the set of live silos.</summary>
    public event Action? Changed;

    /// <summary>Reads the table and keeps the silos heard from within the dead-silo timeout; this silo counts as live while it runs.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        var cutoff = _time.GetUtcNow() - options.DeadAfter;
        var live = (await table.ReadAsync(ct).ConfigureAwait(false))
            .Where(s => s.HeartbeatAt >= cutoff || s.SiloId == LocalSiloId)
            .OrderBy(s => s.SiloId, StringComparer.Ordinal)
            .ToList();
        var changed = !live.Select(s => s.SiloId).SequenceEqual(_current.Live.Select(s => s.SiloId));
        _current = new Snapshot(live);
        if (changed)
            Changed?.Invoke();
    }

    /// <summary>The live silo that owns the grain under rendezvous placement (computed once per grain and view).</summary>
    public SiloInfo OwnerOf(GrainId grain) => _current.OwnerOf(grain);

    /// <summary>True when this silo owns the grain, or before the first refresh (a silo alone serves everything).</summary>
    public bool IsLocal(GrainId grain) => _current.Live.Count == 0 || _current.OwnerOf(grain).SiloId == LocalSiloId;

    // The live set and the owners computed from it, swapped whole so no owner outlives the view it came from.
    private sealed class Snapshot(IReadOnlyList<SiloInfo> live)
    {
        private readonly ConcurrentDictionary<GrainId, SiloInfo> _owners = new();
        private readonly List<string> _ids = live.Select(s => s.SiloId).ToList();

        public IReadOnlyList<SiloInfo> Live { get; } = live;

        public SiloInfo OwnerOf(GrainId grain) =>
            _owners.GetOrAdd(grain, g => Live.First(s => s.SiloId == RendezvousPlacement.OwnerOf(g, _ids)));
    }
}
