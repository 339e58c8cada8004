using System.Globalization;
using System.Text.Json;

namespace Cases.Client;

/// <summary>An event named on the command line by its stream and version (applicant/P-1@4), so scripts and README need no GUID.</summary>
public static class EventAt
{
    /// <summary>Parses type/key@version; null when the text is not of that shape.</summary>
    public static (StreamRef Stream, long Version)? TryParse(string text)
    {
        var at = text.LastIndexOf('@');
        return at > 0
            && StreamRef.TryParse(text[..at]) is { } stream
            && long.TryParse(text[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && version > 0
            ? (stream, version)
            : null;
    }

    /// <summary>Reads the event at that version of the stream from its timeline; 404 when the stream has no such version.</summary>
    public static async Task<JsonElement> ReadAsync(SiloClient silo, StreamRef stream, long version, RequestHeaders headers, CancellationToken ct)
    {
        var page = await silo.GetAsync($"audit/streams/{stream.Path}/events?fromVersion={version.ToString(CultureInfo.InvariantCulture)}&limit=1", headers, ct).ConfigureAwait(false);
        return page.Member("events") is { ValueKind: JsonValueKind.Array } events
            && events.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } e
            && e.Member("version")?.GetInt64() == version
            ? e
            : throw new SiloProblemException(404, "Not Found", $"{stream} has no event at version {version}.", "not-found", new Dictionary<string, string[]>(), null);
    }
}
