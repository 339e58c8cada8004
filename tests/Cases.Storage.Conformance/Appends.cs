using Cases.Journal;
using Cases.Journal.Events;
using Cases.Journal.Storage;

namespace Cases.Storage.Conformance;

/// <summary>Builders for the appends the conformance tests make.</summary>
public static class Appends
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static string NewStream(string type = "conformance") => $"{type}/{Guid.NewGuid():N}";

    public static PendingEvent Event(string commandId, string payload = """{"n":1}""", string type = "Noted", string? causation = null) =>
        new(Guid.CreateVersion7(), type, 1, payload, Noon, "officer:li", commandId, causation, $"corr-{commandId}");

    /// <summary>A command that appends <paramref name="events"/> events with payloads {"n":1}, {"n":2}, …</summary>
    public static CommandAppend Command(string commandId, int events = 1) =>
        new(commandId, Enumerable.Range(1, events).Select(i => Event(commandId, $$"""{"n":{{i}}}""")).ToList(), null);

    /// <summary>A command that appends one event of each of <paramref name="types"/>, in that order.</summary>
    public static CommandAppend Typed(string commandId, params string[] types) =>
        new(commandId, types.Select((type, i) => Event(commandId, $$"""{"n":{{i + 1}}}""", type)).ToList(), null);

    /// <summary>An event type no other test appends, so a test's log reads see only its own events of that type.</summary>
    public static string NewType(string name) => $"{name}-{Guid.NewGuid():N}";

    public static CommandAppend Rejected(string commandId, string code = "rule", string message = "Rule says no.") =>
        new(commandId, [], new Rejection(code, message));

    public static AppendRequest Request(string stream, long expectedVersion, params CommandAppend[] commands) =>
        new(stream, expectedVersion, commands);
}
