using System.Text;

namespace Cases.Domain.ReadModels;

/// <summary>Stable partition keys: the same key lands in the same partition on every silo and every run (FNV-1a over UTF-8).</summary>
public static class Partitions
{
    /// <summary>The bucket of a key among <paramref name="count"/>, as the partition key "b{n}".</summary>
    public static string Bucket(string key, int count) => $"b{Hash(key) % (uint)count}";

    /// <summary>Every bucket key among <paramref name="count"/>.</summary>
    public static IEnumerable<string> AllBuckets(int count) => Enumerable.Range(0, count).Select(i => $"b{i}");

    private static uint Hash(string key)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
            hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
