using Cases.Domain.Deciders;
using Cases.Journal.Events;
using Orleans;

namespace Cases.Domain.Imports;

/// <summary>A row of an import that did not simply import: refused (Subject is the field) or left for a person (Subject is the case).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ImportRowNote")]
public sealed record ImportRowNote([property: Id(0)] int Line, [property: Id(1)] string Outcome, [property: Id(2)] string Subject, [property: Id(3)] string Reason)
{
    public const string Refused = "refused";
    public const string ToDecide = "to-decide";
}

/// <summary>Records one import request and what came of it; the admin is the command's actor.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordImport")]
public sealed record RecordImport(
    [property: Id(0)] string Source,
    [property: Id(1)] string Format,
    [property: Id(2)] string BodySha256,
    [property: Id(3)] int Rows,
    [property: Id(4)] int Imported,
    [property: Id(5)] int AlreadyImported,
    [property: Id(6)] IReadOnlyList<ImportRowNote> Notes);

/// <summary>An admin imported a file (or part of one): its source, format and digest, the counts, and every row refused or to decide.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ImportRecorded")]
public sealed record ImportRecorded(
    [property: Id(0)] string By,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Source,
    [property: Id(3)] string Format,
    [property: Id(4)] string BodySha256,
    [property: Id(5)] int Rows,
    [property: Id(6)] int Imported,
    [property: Id(7)] int AlreadyImported,
    [property: Id(8)] IReadOnlyList<ImportRowNote> Notes);

/// <summary>The recorded import, null until recorded.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ImportLogState")]
public sealed record ImportLogState([property: Id(0)] ImportRecorded? Import);

/// <summary>One stream per import request, so an import is itself on the record: who imported what, and the report it answered.</summary>
public sealed class ImportLogDecider : Decider<ImportLogState, RecordImport, ImportRecorded>
{
    public const string Type = "import";

    public override string GrainType => Type;

    public override ImportLogState Initial => new(Import: null);

    public override Decision<ImportRecorded> Decide(ImportLogState state, RecordImport c, CommandContext context) =>
        !context.ByAdmin ? Decision<ImportRecorded>.Reject(ImportRejections.NotAnAdmin, $"Only an admin records an import; {context.Actor} is not one.")
        // An import is recorded once; recording it again changes nothing.
        : state.Import is not null ? Decision<ImportRecorded>.Accept()
        : Decision<ImportRecorded>.Accept(new ImportRecorded(context.Actor, context.Now, c.Source, c.Format, c.BodySha256, c.Rows, c.Imported, c.AlreadyImported, [.. c.Notes]));

    public override ImportLogState Evolve(ImportLogState state, ImportRecorded @event) => new(@event);

    protected override void RegisterEvents(EventTypeRegistry<ImportRecorded> events) => events.Add<ImportRecorded>();
}
