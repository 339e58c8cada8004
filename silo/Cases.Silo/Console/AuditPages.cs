using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cases.Grains.ReadModels;
using Cases.Silo.Api;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.WebConsole;

/// <summary>The auditor's pages: a case's timeline, its state as of an instant, a causation chain, hash-chain verification, and access logs, linked to each other.</summary>
public static class AuditPages
{
    private static readonly JsonSerializerOptions StateJson = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static void MapAuditPages(this RouteGroupBuilder console)
    {
        console.MapGet("/audit/access/{applicantKey}", AccessLog).ForRoles(Roles.Auditor, Roles.Admin);
        console.MapGet("/audit/{type}/{key}", Case).ForRoles(ConsoleHosting.CaseReaders);
    }

    /// <summary>Reads of applicants' and housing streams need a reason and are recorded (as in the audit API) before anything shows.</summary>
    public static async Task<Results<RazorComponentResult<AuditPage>, ProblemHttpResult>> Case(
        string type, string key, string? reason, string? asOf, string? trace, string? verify, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (AuditApi.TypeProblem(grains, type) is { } bad)
            return bad;
        var caller = Caller.From(http.User);
        var mayVerify = caller.Is(Roles.Auditor) || caller.Is(Roles.Admin);
        var title = $"{type}/{key}";
        var own = AuditAccess.ApplicantOf(title);
        // The access log is for auditors and admins, as its own page is.
        var empty = new AuditModel(type, key, reason, asOf, null, mayVerify, [], null, null, null, mayVerify ? own : null);
        if (own is not null && string.IsNullOrWhiteSpace(reason))
            return PageFrame.Page<AuditPage>(http, title, empty with { Message = "This case holds personal data: give a reason to read it." });
        // An unknown applicant's case shows nothing, so its read leaves no access record; every case reader may read applicants' cases.
        if (AuditAccess.ApplicantOf(title) is not null && !await AuditApi.ExistsAsync(grains.Store, title, http.RequestAborted))
            return NoEvents(http, title, empty);
        ConsoleAccess.UseReason(http, reason);
        // One record per applicant per page: the case's own record names the trace shown with it, and the trace does not record it again.
        var what = own is not null && Guid.TryParse(trace, out var tracedId) ? $"console timeline and causation trace of event {tracedId}" : "console timeline";
        if (await AuditAccess.ToStreamAsync(http, grains, caller, type, key, what, applicantMayRead: false) is { } denied)
            return denied;
        var timeline = await ConsoleTimeline.ReadAsync(grains, title, http.RequestAborted);
        if (timeline.Count == 0)
            return NoEvents(http, title, empty);
        StateShown? state = null;
        string? message = null;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                state = await StateAsOfAsync(grains, type, title, instant, http.RequestAborted);
            else
                message = "The as-of instant is not a date and time.";
        }
        state ??= message is null && string.IsNullOrWhiteSpace(asOf) ? await StateAsOfAsync(grains, type, title, DateTimeOffset.MaxValue, http.RequestAborted) : null;
        if (state is null && message is null)
            message = $"Nothing was recorded for {title} by {asOf} UTC.";
        List<TraceNode>? chain = null;
        if (!string.IsNullOrWhiteSpace(trace))
        {
            if (!Guid.TryParse(trace, out var eventId) || await CausationTraces.TraceAsync(grains.Factory, grains.Store, eventId, http.RequestAborted) is not { } scanned)
                return Problems.NotFound($"Event {trace}");
            // Every applicant whose case the chain crosses has the read recorded, as the audit API's trace does.
            foreach (var applicant in scanned.All.Select(e => AuditAccess.ApplicantOf(e.StreamId)).OfType<string>().Distinct(StringComparer.Ordinal).Where(a => a != own))
            {
                if (await Access.ToApplicantAsync(http, grains, caller, applicant, $"causation trace of event {eventId}") is { } refused)
                    return refused;
            }
            chain = [.. scanned.Causes.Select(e => Node("cause", 0, e)), Node("traced", 0, scanned.Event), .. scanned.Effects.Select(x => Node("effect", x.Depth, x.Event))];
        }
        var verification = verify is not null && mayVerify ? await Journal.Events.ChainVerifier.VerifyStreamAsync(grains.Store, title, http.RequestAborted) : null;
        var causes = await CausationTraces.FindEventsAsync(grains.Factory, timeline.Select(r => r.CauseId).OfType<Guid>());
        return PageFrame.Page<AuditPage>(http, title, empty with
        {
            Message = message, Timeline = timeline, State = state, Trace = chain, Verification = verification, Causes = causes,
        });
    }

    private static RazorComponentResult<AuditPage> NoEvents(HttpContext http, string title, AuditModel empty) =>
        PageFrame.Page<AuditPage>(http, title, empty with { Message = $"No events recorded for {title} yet." }, status: 404);

    public static async Task<Results<RazorComponentResult<AccessLogPage>, ProblemHttpResult>> AccessLog(
        string applicantKey, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var log = grains.Programme.AccessLogs;
        var records = new List<Domain.Audit.PersonalDataAccessed>();
        await foreach (var e in grains.Store.ReadStreamAsync($"{log.GrainType}/{applicantKey}", 1, AuditApi.MaxPage, http.RequestAborted))
            records.Add(log.Deserialize(e));
        return PageFrame.Page<AccessLogPage>(http, $"Personal-data reads of {applicantKey}", new AccessLogModel(applicantKey, records));
    }

    private static async Task<StateShown?> StateAsOfAsync(ProgrammeGrains grains, string type, string stream, DateTimeOffset instant, CancellationToken ct)
    {
        AuditReplayers.Of(grains.Programme).TryGet(type, out var replayer);
        var replayed = await replayer.ReplayAsync(grains.Store.ReadStreamAsync(stream, 1, long.MaxValue, ct), instant, ct);
        return replayed.Last is { } last
            ? new StateShown(instant, last.Version, last.RecordedAt, JsonSerializer.Serialize(replayed.State, replayed.State.GetType(), StateJson))
            : null;
    }

    private static TraceNode Node(string role, int depth, Journal.Events.StoredEvent e) =>
        new(role, depth, e.StreamId, e.Version, e.EventType, e.EventId, e.RecordedAt);
}
