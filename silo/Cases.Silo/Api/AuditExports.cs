using System.Runtime.CompilerServices;
using Cases.Domain.Parks;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cases.Silo.Api;

/// <summary>Exports of timelines for auditors: one stream, or a park with its roster's enterprises, as JSON lines or CSV, streamed.</summary>
public static class AuditExports
{
    /// <summary>A stream's whole timeline; reading an applicant's stream needs an X-Access-Reason and is recorded first.</summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportStream(
        string type, string key, string? format, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] IOptions<HttpJsonOptions> json)
    {
        if (FormatProblem(format) is { } badFormat)
            return badFormat;
        if (AuditApi.TypeProblem(grains, type) is { } bad)
            return bad;
        var caller = Caller.From(http.User);
        if (await AuditAccess.ToStreamAsync(http, grains, caller, type, key, $"{FormatOf(format)} export", applicantMayRead: false) is { } denied)
            return denied;
        var stream = $"{type}/{key}";
        if (!await AuditApi.ExistsAsync(grains.Store, stream, http.RequestAborted))
            return Problems.NotFound($"Stream {stream}");
        return Push(grains.Store, [stream], FormatOf(format), $"{type}-{key}", json.Value, http.RequestAborted);
    }

    /// <summary>A park's timeline followed by the timelines of every enterprise ever on its roster.</summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportPark(
        string parkKey, string? format, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] IOptions<HttpJsonOptions> json)
    {
        if (FormatProblem(format) is { } badFormat)
            return badFormat;
        var parks = grains.Programme.Parks;
        // The roster is replayed from the stored park stream, so it agrees with the events the export is about to read.
        var park = $"{parks.GrainType}/{parkKey}";
        AuditReplayers.Of(grains.Programme).TryGet(parks.GrainType, out var replayer);
        var replayed = await replayer.ReplayAsync(grains.Store.ReadStreamAsync(park, 1, long.MaxValue, http.RequestAborted), DateTimeOffset.MaxValue, http.RequestAborted);
        if (replayed is not { Last: not null, State: ParkState state })
            return Problems.NotFound($"Park {parkKey}");
        var enterprises = grains.Programme.Enterprises.GrainType;
        string[] streams = [park, .. state.Roster.Keys.Order(StringComparer.Ordinal).Select(k => $"{enterprises}/{k}")];
        return Push(grains.Store, streams, FormatOf(format), $"park-{parkKey}", json.Value, http.RequestAborted);
    }

    private static PushStreamHttpResult Push(IEventStore store, IReadOnlyList<string> streams, string format, string name, HttpJsonOptions json, CancellationToken ct) =>
        TypedResults.Stream(
            body => ExportWriter.WriteAsync(body, format, ReadAsync(store, streams, ct), json.SerializerOptions, ct),
            ExportWriter.ContentType(format),
            $"{name}.{format}");

    // Streams are read one after another, each in version order, so memory stays flat whatever the export's size.
    private static async IAsyncEnumerable<StoredEvent> ReadAsync(IEventStore store, IReadOnlyList<string> streams, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var stream in streams)
        {
            await foreach (var e in store.ReadStreamAsync(stream, 1, long.MaxValue, ct))
                yield return e;
        }
    }

    private static string FormatOf(string? format) => string.IsNullOrEmpty(format) ? ExportWriter.Jsonl : format;

    private static ProblemHttpResult? FormatProblem(string? format) =>
        FormatOf(format) is ExportWriter.Jsonl or ExportWriter.Csv
            ? null
            : Problems.BadRequest("invalid-format", $"format must be {ExportWriter.Jsonl} or {ExportWriter.Csv}.");
}
