using System.Collections.Concurrent;
using Cases.Runtime.Cluster;

namespace Cases.Runtime.Tests.Cluster;

/// <summary>A membership table in memory, for testing views; the PostgreSQL table is tested against the real server.</summary>
internal sealed class InMemoryMembership : IMembershipTable
{
    private readonly ConcurrentDictionary<string, SiloInfo> _silos = new();

    public Task JoinAsync(SiloInfo silo, CancellationToken ct = default)
    {
        _silos[silo.SiloId] = silo;
        return Task.CompletedTask;
    }

    public Task HeartbeatAsync(string siloId, DateTimeOffset at, CancellationToken ct = default)
    {
        _silos.AddOrUpdate(siloId, _ => throw new InvalidOperationException($"{siloId} never joined."), (_, s) => s with { HeartbeatAt = at });
        return Task.CompletedTask;
    }

    public Task LeaveAsync(string siloId, CancellationToken ct = default)
    {
        _silos.TryRemove(siloId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SiloInfo>> ReadAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<SiloInfo>>(_silos.Values.ToList());
}
