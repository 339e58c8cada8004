using System.Globalization;
using Cases.Grains.ReadModels;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>The auditor's API: timelines, state as of an instant, causation traces, hash-chain verification, exports and access logs.</summary>
public static class AuditApi
{
    public const int MaxPage = 1000;

    private const string AuditorsOrAdmins = Roles.Auditor + "+admin";

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/audit").WithTags("Audit").RequireAuthorization();
        // Officers replay the cases they work on; applicants read their own timeline; operators have nothing here.
        api.MapGet("/streams/{type}/{key}/events", GetTimeline);
        api.MapGet("/streams/{type}/{key}/state", GetStateAsOf).RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Auditor, Roles.Admin));
        api.MapGet("/events/{eventId}/trace", TraceEvent).RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Auditor, Roles.Admin));
        api.MapGet("/streams/{type}/{key}/verify", VerifyStream).RequireAuthorization(AuditorsOrAdmins);
        api.MapGet("/verify", VerifyStore).RequireAuthorization(AuditorsOrAdmins);
        api.MapGet("/streams/{type}/{key}/export", AuditExports.ExportStream).RequireAuthorization(AuditorsOrAdmins);
        api.MapGet("/parks/{parkKey}/export", AuditExports.ExportPark).RequireAuthorization(AuditorsOrAdmins);
        api.MapGet("/access-records/{applicantKey}", GetAccessRecords).RequireAuthorization(AuditorsOrAdmins);
        return api;
    }

    /// <summary>A page of a stream's events by version, of any length; applicants may read their own case's streams.</summary>
    public static async Task<Results<Ok<TimelinePage>, ProblemHttpResult>> GetTimeline(
        string type, string key, HttpContext http, [FromServices] ProgrammeGrains grains, long fromVersion = 1, int limit = 100)
    {
        if ((TypeProblem(grains, type) ?? PageProblem(fromVersion, limit)) is { } bad)
            return bad;
        var caller = Caller.From(http.User);
        if (await AuditAccess.ToStreamAsync(http, grains, caller, type, key, "timeline", applicantMayRead: true) is { } denied)
            return denied;
        var stream = $"{type}/{key}";
        var (events, next) = await PageAsync(grains.Store, stream, fromVersion, limit, http.RequestAborted);
        if (events.Count == 0 && !await ExistsAsync(grains.Store, stream, http.RequestAborted))
            return Problems.NotFound($"Stream {stream}");
        return TypedResults.Ok(new TimelinePage(stream, events.Select(EventView.From).ToList(), next));
    }

    /// <summary>The state folded from the events recorded up to asOf (default: now), through the grain type's own decider.</summary>
    public static async Task<Results<Ok<StateAsOf>, ProblemHttpResult>> GetStateAsOf(
        string type, string key, string? asOf, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] TimeProvider time)
    {
        if (TypeProblem(grains, type) is { } bad)
            return bad;
        var instant = time.GetUtcNow();
        if (asOf is not null && !DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
            return Problems.BadRequest("invalid-instant", "asOf must be an ISO 8601 instant, e.g. 2026-03-01T10:00:00Z.");
        var caller = Caller.From(http.User);
        if (await AuditAccess.ToStreamAsync(http, grains, caller, type, key, $"state as of {instant:O}", applicantMayRead: false) is { } denied)
            return denied;
        AuditReplayers.Of(grains.Programme).TryGet(type, out var replayer);
        var stream = $"{type}/{key}";
        var replayed = await replayer.ReplayAsync(grains.Store.ReadStreamAsync(stream, 1, long.MaxValue, http.RequestAborted), instant, http.RequestAborted);
        if (replayed.Last is not { } last)
            return Problems.NotFound($"Stream {stream} as of {instant:O}");
        return TypedResults.Ok(new StateAsOf(stream, instant, last.Version, last.RecordedAt, replayed.State));
    }

    /// <summary>The event, its causes and everything it caused across cases; reading applicants' streams needs X-Access-Reason and is recorded.</summary>
    public static async Task<Results<Ok<EventTrace>, ProblemHttpResult>> TraceEvent(string eventId, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (!Guid.TryParse(eventId, out var id))
            return Problems.BadRequest("invalid-event-id", "eventId must be an event's id (a UUID).");
        if (await CausationTraces.TraceAsync(grains.Factory, grains.Store, id, http.RequestAborted) is not { } trace)
            return Problems.NotFound($"Event {id}");
        var caller = Caller.From(http.User);
        foreach (var applicant in trace.All.Select(e => AuditAccess.ApplicantOf(e.StreamId)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await Access.ToApplicantAsync(http, grains, caller, applicant, $"causation trace of event {id}") is { } denied)
                return denied;
        }
        return TypedResults.Ok(new EventTrace(
            trace.Causes.Select(EventView.From).ToList(),
            EventView.From(trace.Event),
            trace.Effects.Select(x => new TracedEffect(x.Depth, EventView.From(x.Event))).ToList()));
    }

    /// <summary>Recomputes one stream's hash chain.</summary>
    public static async Task<Results<Ok<ChainView>, ProblemHttpResult>> VerifyStream(string type, string key, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (TypeProblem(grains, type) is { } bad)
            return bad;
        var verdict = await ChainVerifier.VerifyStreamAsync(grains.Store, $"{type}/{key}", http.RequestAborted);
        return verdict is { IsIntact: true, EventsChecked: 0 } ? Problems.NotFound($"Stream {type}/{key}") : TypedResults.Ok(ChainView.From(verdict));
    }

    /// <summary>Recomputes every stream's hash chain in one pass over the global log.</summary>
    public static async Task<Ok<StoreChainView>> VerifyStore(HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var broken = await ChainVerifier.VerifyAllAsync(grains.Store, http.RequestAborted);
        return TypedResults.Ok(new StoreChainView(broken.Count == 0, broken.Select(ChainView.From).ToList()));
    }

    /// <summary>Who read an applicant's personal data, when, why and what; empty when nobody did.</summary>
    public static async Task<Results<Ok<AccessRecordPage>, ProblemHttpResult>> GetAccessRecords(
        string applicantKey, HttpContext http, [FromServices] ProgrammeGrains grains, long fromVersion = 1, int limit = 100)
    {
        var log = grains.Programme.AccessLogs;
        if (PageProblem(fromVersion, limit) is { } bad)
            return bad;
        var (events, next) = await PageAsync(grains.Store, $"{log.GrainType}/{applicantKey}", fromVersion, limit, http.RequestAborted);
        var records = events.Select(e => (e.Version, Read: log.Deserialize(e)))
            .Select(x => new AccessRecordView(x.Version, x.Read.By, x.Read.Role, x.Read.At, x.Read.Reason, x.Read.What))
            .ToList();
        return TypedResults.Ok(new AccessRecordPage(applicantKey, records, next));
    }

    /// <summary>Null when the grain type is known; otherwise the 404 naming the known ones (the route key is checked by <see cref="RouteIdGuard"/>).</summary>
    internal static ProblemHttpResult? TypeProblem(ProgrammeGrains grains, string type) =>
        AuditReplayers.Of(grains.Programme).TryGet(type, out _)
            ? null
            : Problems.Of(StatusCodes.Status404NotFound, "unknown-grain-type",
                $"There is no grain type '{type}'; known types: {string.Join(", ", AuditReplayers.Of(grains.Programme).GrainTypes.Order(StringComparer.Ordinal))}.");

    internal static async Task<bool> ExistsAsync(IEventStore store, string stream, CancellationToken ct)
    {
        await foreach (var _ in store.ReadStreamAsync(stream, 1, 1, ct))
            return true;
        return false;
    }

    private static ProblemHttpResult? PageProblem(long fromVersion, int limit) =>
        fromVersion < 1 ? Problems.BadRequest("invalid-page", "fromVersion must be 1 or more.")
        : limit is < 1 or > MaxPage ? Problems.BadRequest("invalid-page", $"limit must be between 1 and {MaxPage}.")
        : null;

    // Reads one event past the page so the answer can say whether another page follows.
    private static async Task<(List<StoredEvent> Events, long? Next)> PageAsync(IEventStore store, string stream, long fromVersion, int limit, CancellationToken ct)
    {
        var events = new List<StoredEvent>(Math.Min(limit + 1, 128));
        var toVersion = fromVersion > long.MaxValue - limit ? long.MaxValue : fromVersion + limit;
        await foreach (var e in store.ReadStreamAsync(stream, fromVersion, toVersion, ct))
            events.Add(e);
        if (events.Count <= limit)
            return (events, null);
        events.RemoveAt(events.Count - 1);
        return (events, fromVersion + limit);
    }
}
