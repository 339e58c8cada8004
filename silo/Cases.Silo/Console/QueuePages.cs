using Cases.Domain.Applicants;
using Cases.Silo.Api;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.WebConsole;

/// <summary>The officer's work queue: permit applications awaiting decision, oldest first, with their rule evaluation and decision forms.</summary>
public static class QueuePages
{
    public const int PageSize = 20;

    public static void MapQueuePages(this RouteGroupBuilder console)
    {
        console.MapGet("/queue", Queue).ForRoles(Roles.Officer);
        console.MapPost("/queue/{applicantKey}/permits/{permitId}/{decision}", Decide).ForRoles(Roles.Officer).BrowserFormsOnly();
    }

    /// <summary>Without an access reason only the reason form shows; with one, each listed applicant's read is recorded first.</summary>
    public static async Task<Results<RazorComponentResult<QueuePage>, ProblemHttpResult>> Queue(
        string? reason, string? notice, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return PageFrame.Page<QueuePage>(http, "Applications awaiting decision", new QueueModel(null, [], 0, notice));
        var (page, total) = await PendingPermits.ScanAsync(grains, PageSize, http.RequestAborted);
        ConsoleAccess.UseReason(http, reason);
        var caller = Caller.From(http.User);
        foreach (var p in page)
        {
            if (await Access.ToApplicantAsync(http, grains, caller, p.ApplicantKey, $"permit application {p.PermitId} in the work queue") is { } denied)
                return denied;
        }
        return PageFrame.Page<QueuePage>(http, "Applications awaiting decision", new QueueModel(reason.Trim(), page, total, notice));
    }

    /// <summary>Approves or rejects with the officer's reason, then returns to the queue with what happened.</summary>
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> Decide(
        string applicantKey, string permitId, string decision, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var (form, problem) = await ConsoleForms.ReadAsync(http);
        if (problem is not null)
            return problem;
        string? reason = form!["reason"], accessReason = form["accessReason"];
        IApplicantCommand? command = decision switch
        {
            "approve" => new ApprovePermit(permitId, reason ?? ""),
            "reject" => new RejectPermit(permitId, reason ?? ""),
            _ => null,
        };
        if (command is null)
            return Problems.NotFound($"Decision {decision}");
        string notice;
        if (Validation.OfReason(reason) is { Count: > 0 } errors)
            notice = $"Not decided: {string.Join(" ", errors.Values.SelectMany(m => m))}";
        else
        {
            var caller = Caller.From(http.User);
            var result = await grains.Applicant(applicantKey).Execute(command, ProgrammeGrains.Meta(http, caller));
            notice = result.Rejection is { } rejection
                ? $"Not decided: {rejection.Message}"
                : $"Permit {permitId} of {applicantKey} {(decision == "approve" ? "approved" : "rejected")}.";
        }
        return TypedResults.LocalRedirect($"/console/queue?reason={Uri.EscapeDataString(accessReason ?? "")}&notice={Uri.EscapeDataString(notice)}");
    }
}

/// <summary>The queue page: the access reason given, the oldest pending applications and how many are pending in all.</summary>
public sealed record QueueModel(string? Reason, IReadOnlyList<PendingPermit> Pending, int Total, string? Notice);
