using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Cases.Runtime.Cluster;

/// <summary>Rendezvous (highest-random-weight) hashing: a grain belongs to the live silo with the highest hash of (grain, silo).</summary>
/// <remarks>When a silo joins or leaves, only the grains it wins or held move; every silo computes the same owner from the same view.</remarks>
public static class RendezvousPlacement
{
    public static string OwnerOf(GrainId grain, IReadOnlyList<string> liveSilos)
    {
        if (liveSilos.Count == 0)
            throw new InvalidOperationException("No live silo can own a grain.");
        string? best = null;
        ulong bestWeight = 0;
        foreach (var silo in liveSilos)
        {
            var weight = Weight(grain.StreamId, silo);
            // Ties are broken by silo id, so the answer never depends on the list's order.
            if (best is null || weight > bestWeight || (weight == bestWeight && string.CompareOrdinal(silo, best) > 0))
                (best, bestWeight) = (silo, weight);
        }
        return best!;
    }

    // SHA-256 rather than a faster hash: System.IO.Hashing cannot be restored here; ClusterView caches owners per membership view.
    private static ulong Weight(string grain, string silo)
    {
        Span<byte> buffer = stackalloc byte[Encoding.UTF8.GetMaxByteCount(grain.Length + silo.Length + 1)];
        var length = Encoding.UTF8.GetBytes(grain, buffer);
        buffer[length++] = 0;
        length += Encoding.UTF8.GetBytes(silo, buffer[length..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer[..length], hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
