using System.Security.Cryptography;
using System.Text;
using Cases.Domain;
using Cases.Domain.Imports;
using Cases.Grains.Contracts;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cases.Silo.Api;

/// <summary>Importing decisions taken before the platform (permits, household registrations, park admissions, grants) from JSON Lines or CSV.</summary>
public static class ImportsApi
{
    public const string JsonLines = "application/x-ndjson";
    public const string Csv = "text/csv";

    public static RouteGroupBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/imports").WithTags("Imports");
        api.MapPost("/", Import).RequireAuthorization(Roles.Admin);
        api.MapGet("/{id}", GetImport).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Auditor));
        return api;
    }

    /// <summary>The record of one import request: who imported, from which source, the body's digest, the counts and every row refused or to decide.</summary>
    public static async Task<Results<Ok<StateView<ImportLogState>>, ProblemHttpResult>> GetImport(string id, [FromServices] ProgrammeGrains grains)
    {
        var (state, version) = await grains.ImportLog(id).GetState();
        return version == 0 ? Problems.NotFound($"Import {id}") : TypedResults.Ok(new StateView<ImportLogState>($"{ImportLogDecider.Type}/{id}", version, state));
    }

    /// <summary>Imports the body's rows, each as an ...Imported event on its case; answers what was imported, already imported, refused, or left for a person.</summary>
    /// <param name="source">The source system of rows that name none.</param>
    /// <param name="firstLine">The file line of the body's first row, when a client sends a file in parts (JSON Lines 1, CSV 2 by default).</param>
    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(
        HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] CityClock clock, [FromServices] IOptions<ImportOptions> options,
        [FromServices] ILoggerFactory logs, string? source = null, int? firstLine = null)
    {
        if (source is not null && Ids.Problem(source) is { } badSource)
            return Problems.BadRequest("invalid-source", $"The source {badSource}.");
        if (firstLine is < 1)
            return Problems.BadRequest("invalid-first-line", "firstLine counts from 1.");
        var format = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) ? type.MediaType.Value?.ToLowerInvariant() : null;
        if (format is not (JsonLines or "application/jsonl" or Csv))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", $"Send JSON Lines ({JsonLines}) or CSV with a header row ({Csv}).");
        string body;
        try
        {
            using var reader = new StreamReader(http.Request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (DecoderFallbackException)
        {
            return Problems.BadRequest("invalid-encoding", "An import file is UTF-8 text.");
        }
        var (rows, refused) = format == Csv ? ImportRows.FromCsv(body, firstLine ?? 2) : ImportRows.FromJsonLines(body, firstLine ?? 1);
        var limits = options.Value;
        var count = rows.Count + refused.Count;
        if (count == 0)
            return Problems.BadRequest("empty-import", "The body holds no rows.");
        if (count > limits.MaxRows)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "too-many-rows",
                $"An import request holds at most {limits.MaxRows} rows (got {count}); send the file in parts with firstLine (cases import does).");
        var today = clock.Today;
        var commands = new List<ImportCommand>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (command, refusal) = ImportRecords.From(row, source, today);
            if (refusal is not null)
                refused.Add(refusal);
            // One source row twice in a body is a fault of the file: the second would silently repeat or contradict the first.
            else if (!lineOf.TryAdd(command!.CommandId, command.Line))
                refused.Add(new RefusedRow(command.Line, "sourceRowId", $"repeats {command.Source} of line {lineOf[command.CommandId]}"));
            else
                commands.Add(command);
        }
        var caller = Caller.From(http.User);
        var importId = "imp-" + Guid.CreateVersion7().ToString("N");
        var report = await ImportRunner.RunAsync(grains, commands, refused, count, caller.Actor,
            ProgrammeGrains.Header(http, "X-Correlation-Id") ?? importId, limits.Concurrency, http.RequestAborted) with { ImportId = importId };
        // The import itself is on the record: who imported what from where, and the report it answered (each event also names its admin and source).
        var recorded = await grains.ImportLog(importId).Execute(Record(report, source, format, body), new CommandMeta(importId, caller.Actor, importId));
        if (recorded.Rejection is { } rejection)
            return Problems.From(rejection);
        logs.CreateLogger(typeof(ImportsApi)).LogInformation(
            "Import {ImportId} by {Actor} ({Source}): {Rows} rows, {Imported} imported, {Already} already imported, {Refused} refused, {ToDecide} to decide",
            importId, caller.Actor, source ?? "sources named by the rows", report.Rows, report.Imported, report.AlreadyImported, report.Refused.Count, report.ToDecide.Count);
        return TypedResults.Ok(report);
    }

    private static RecordImport Record(ImportReport report, string? source, string format, string body) => new(
        source ?? "", format, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))), report.Rows, report.Imported, report.AlreadyImported,
        [
            .. report.Refused.Select(r => new ImportRowNote(r.Line, ImportRowNote.Refused, r.Field, r.Reason)),
            .. report.ToDecide.Select(d => new ImportRowNote(d.Line, ImportRowNote.ToDecide, d.Grain, $"{d.Code}: {d.Reason}")),
        ]);
}
