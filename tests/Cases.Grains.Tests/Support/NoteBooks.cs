using System.Text.Json.Nodes;
using Cases.Domain.Deciders;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Cases.Journal.Events;

namespace Cases.Grains.Tests.Support;

public sealed record NoteTakenV1(string Text);

public sealed record NoteTakenV2(string Text, string Author);

/// <summary>A notebook as first released: a note is its text.</summary>
public sealed class NoteBookV1 : Decider<string[], string, object>
{
    public static readonly NoteBookV1 Instance = new();

    public override string GrainType => "notebook";

    public override string[] Initial => [];

    public override Decision<object> Decide(string[] state, string command, CommandContext context) => Decision<object>.Accept(new NoteTakenV1(command));

    public override string[] Evolve(string[] state, object @event) => [.. state, ((NoteTakenV1)@event).Text];

    protected override void RegisterEvents(EventTypeRegistry<object> events) => events.Add<NoteTakenV1>("NoteTaken");
}

/// <summary>The same notebook a release later: notes name their author, and old notes load through an upcaster.</summary>
public sealed class NoteBookV2 : Decider<string[], string, object>
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

public interface INoteBookV1Grain : IDeciderGrain<string[], string>;

public interface INoteBookV2Grain : IDeciderGrain<string[], string>;

/// <summary>The first release's grain; both releases keep the timeline in the "notebook" stream.</summary>
[GrainType("notebook-v1")]
public sealed class NoteBookV1Grain(GrainJournal journal) : DeciderGrain<string[], string, object>(NoteBookV1.Instance, new Cases.Domain.Rules.RuleSet().Calendar, journal), INoteBookV1Grain;

/// <summary>The later release's grain over the same stream.</summary>
[GrainType("notebook-v2")]
public sealed class NoteBookV2Grain(GrainJournal journal) : DeciderGrain<string[], string, object>(NoteBookV2.Instance, new Cases.Domain.Rules.RuleSet().Calendar, journal), INoteBookV2Grain;
