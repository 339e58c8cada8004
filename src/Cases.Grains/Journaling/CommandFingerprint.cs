using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orleans;

namespace Cases.Grains.Journaling;

/// <summary>What a command id was used for: SHA-256 over the command's type, its actor and its JSON, kept with the outcome.</summary>
/// <remarks>A retry carries the same command from the same actor; anything else under the same id is a reuse, answered without the first outcome.</remarks>
internal static class CommandFingerprint
{
    /// <summary>The fingerprint of a command sent by an actor, with the decider's JSON settings (declaration order, so stable across runs).</summary>
    public static byte[] Of(object command, string actor, JsonSerializerOptions json)
    {
        var type = command.GetType();
        // The serializer alias outlives a renamed record; test commands without one fall back to the type's name.
        var name = type.GetCustomAttribute<AliasAttribute>()?.Alias ?? type.FullName ?? type.Name;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{actor}\n"));
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(command, type, json));
        return hash.GetHashAndReset();
    }

    /// <summary>Whether a recorded fingerprint is this one; an outcome recorded before fingerprints were kept (null) matches, as every retry did then.</summary>
    public static bool Matches(byte[]? recorded, byte[] fingerprint) => recorded is null || recorded.AsSpan().SequenceEqual(fingerprint);
}
