using Cases.Domain.Audit;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Silo.Api;

/// <summary>Who may read an applicant's personal data, and the access record an officer's or auditor's read leaves first.</summary>
public static class Access
{
    public const string ReasonHeader = "X-Access-Reason";

    /// <summary>Null when the caller may read; otherwise the 403/400/404 to answer. Officer, auditor and admin reads of a case that exists are recorded before returning.</summary>
    /// <param name="streamId">The stream read (the applicant's case by default); an unknown one is a 404 and leaves no record, since nothing was read.</param>
    public static async Task<ProblemHttpResult?> ToApplicantAsync(
        HttpContext http, ProgrammeGrains grains, Caller caller, string applicantKey, string what, string? streamId = null)
    {
        if (caller.Is(Roles.Applicant))
            return caller.Subject == applicantKey ? null : Problems.Forbidden("An applicant can only read their own case.");
        if (!caller.CanReadEverything)
            return Problems.Forbidden($"The {caller.Role} role may not read applicants' personal data.");
        if (ReasonProblem(http, caller) is { } problem)
            return problem;
        var reason = ProgrammeGrains.Header(http, ReasonHeader)!;
        var stream = streamId ?? $"{grains.Programme.Applicants.GrainType}/{applicantKey}";
        if (!await AuditApi.ExistsAsync(grains.Store, stream, http.RequestAborted))
            return Problems.NotFound(streamId is null ? $"Applicant case {applicantKey}" : $"Stream {stream}");
        var recorded = await grains.AccessLog(applicantKey)
            .Execute(new RecordAccess(caller.Role, reason, what), new Cases.Grains.Contracts.CommandMeta(Actor: caller.Actor));
        return recorded.Rejection is { } rejection ? Problems.From(rejection) : null;
    }

    /// <summary>Null when the request carries a usable access reason; otherwise the 400 to answer (a search checks it before it reads anything).</summary>
    public static ProblemHttpResult? ReasonProblem(HttpContext http, Caller caller)
    {
        var reason = ProgrammeGrains.Header(http, ReasonHeader);
        if (string.IsNullOrWhiteSpace(reason))
            return Problems.BadRequest("reason-required", $"Reading an applicant's personal data as {caller.Role} needs an {ReasonHeader} header saying why.");
        // The reason is shown to auditors, so it is held to the rule of every displayed text (no invisible or bidi characters).
        return Validation.OfReason(reason).Values.FirstOrDefault() is [var fault, ..]
            ? Problems.BadRequest("invalid-reason", $"The access reason {fault}.")
            : null;
    }
}
