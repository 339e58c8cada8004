using System.Text.Json.Nodes;
using Cases.Runtime.Events;
using Cases.Runtime.Grains;
using Cases.Runtime.Hosting;

namespace Cases.Runtime.Tests;

public sealed class UpcastingTests
{
    [Fact]
    public async Task AnOldPayloadStillLoadsAfterItsEventTypeEvolves()
    {
        using var db = new TempDatabase();
        var store = await db.OpenStoreAsync();
        await using var _ = store;
        await using (var v1 = new GrainRuntime(store))
            await v1.GetGrain(NoteBookV1.Instance, "n").ExecuteAsync("first note");

        await using var v2 = new GrainRuntime(store);
        var grain = v2.GetGrain(NoteBookV2.Instance, "n");
        await grain.ExecuteAsync("second note");
        var state = await grain.GetStateAsync();

        Assert.Equal(["first note (by unknown)", "second note (by system)"], state.State);
        var stored = await store.ReadStreamAsync("notebook/n", 1, 2).ToListAsync();
        Assert.Equal([1, 2], stored.Select(e => e.SchemaVersion));
    }

    [Fact]
    public async Task APayloadWithNoUpcasterFailsLoudlyInsteadOfLoadingWrongState()
    {
        var registry = new EventTypeRegistry<object>(new System.Text.Json.JsonSerializerOptions());
        registry.Add<NoteTakenV2>("NoteTaken", schemaVersion: 3);

        var error = Assert.Throws<InvalidOperationException>(() => registry.Deserialize("NoteTaken", 1, """{"text":"x"}"""));

        Assert.Contains("from schema 1 to 2", error.Message, StringComparison.Ordinal);
    }

    public sealed record NoteTakenV1(string Text);

    public sealed record NoteTakenV2(string Text, string Author);

    private sealed class NoteBookV1 : Decider<string[], string, object>
    {
        public static readonly NoteBookV1 Instance = new();

        public override string GrainType => "notebook";

        public override string[] Initial => [];

        public override Decision<object> Decide(string[] state, string command, CommandContext context) => Decision<object>.Accept(new NoteTakenV1(command));

        public override string[] Evolve(string[] state, object @event) => [.. state, ((NoteTakenV1)@event).Text];

        protected override void RegisterEvents(EventTypeRegistry<object> events) => events.Add<NoteTakenV1>("NoteTaken");
    }

    private sealed class NoteBookV2 : Decider<string[], string, object>
    {
        public static readonly NoteBookV2 Instance = new();

        public override string GrainType => "notebook";

        public override string[] Initial => [];

        public override Decision<object> Decide(string[] state, string command, CommandContext context) =>
            Decision<object>.Accept(new NoteTakenV2(command, context.Actor));

        public override string[] Evolve(string[] state, object @event) => @event is NoteTakenV2 n ? [.. state, $"{n.Text} (by {n.Author})"] : state;

        protected override void RegisterEvents(EventTypeRegistry<object> events) =>
            events.Add<NoteTakenV2>("NoteTaken", schemaVersion: 2).UpcastFrom(1, old =>
            {
                old["author"] = JsonValue.Create("unknown");
                return old;
            });
    }
}
