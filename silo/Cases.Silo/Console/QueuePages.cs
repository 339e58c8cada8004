using Cases.Domain.Applicants;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.ReadModels;
using Cases.Silo.Api;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.WebConsole;

/// <summary>The officer's work queue: applications awaiting decision, oldest first, by kind and district, with their rule evaluation and decision forms.</summary>
public static class QueuePages
{
    public const int PageSize = 20;

    public static void MapQueuePages(this RouteGroupBuilder console)
    {
        console.MapGet("/queue", Queue).ForRoles(Roles.Officer);
        console.MapPost("/queue/{applicantKey}/{kind}/{applicationId}/{decision}", Decide).ForRoles(Roles.Officer).BrowserFormsOnly();
    }

    /// <summary>Without an access reason only the reason form shows; with one, each listed applicant's read is recorded first.</summary>
    public static async Task<Results<RazorComponentResult<QueuePage>, ProblemHttpResult>> Queue(
        string? reason, string? notice, string? kind, string? district, long? after, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        kind = ApplicationKinds.All.Contains(kind ?? "") ? kind : null;
        district = string.IsNullOrWhiteSpace(district) ? null : district.Trim();
        var empty = new QueueModel(null, kind, district, [], 0, null, notice);
        if (string.IsNullOrWhiteSpace(reason))
            return PageFrame.Page<QueuePage>(http, "Applications awaiting decision", empty);
        var page = await OfficerQueueReads.PageAsync(grains.Factory, new QueueFilter(kind, district), Math.Max(0, after ?? 0), PageSize);
        ConsoleAccess.UseReason(http, reason);
        var caller = Caller.From(http.User);
        foreach (var a in page.Applications)
        {
            if (await Access.ToApplicantAsync(http, grains, caller, a.ApplicantKey, $"{a.Kind} application {a.ApplicationId} in the work queue") is { } denied)
                return denied;
        }
        return PageFrame.Page<QueuePage>(http, "Applications awaiting decision", empty with
        {
            Reason = reason.Trim(), Pending = page.Applications, Total = page.Total, NextAfter = page.NextAfter,
        });
    }

    /// <summary>Approves or rejects with the officer's reason, then returns to the queue with what happened.</summary>
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> Decide(
        string applicantKey, string kind, string applicationId, string decision, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var (form, problem) = await ConsoleForms.ReadAsync(http);
        if (problem is not null)
            return problem;
        string? reason = form!["reason"], accessReason = form["accessReason"];
        if (CommandFor(kind, applicationId, decision, reason ?? "") is not { } command)
            return Problems.NotFound($"Decision {decision} on {kind}");
        string notice;
        if (Validation.OfReason(reason) is { Count: > 0 } errors)
            notice = $"Not decided: {string.Join(" ", errors.Values.SelectMany(m => m))}";
        else
        {
            var caller = Caller.From(http.User);
            var result = await grains.Applicant(applicantKey).Execute(command, ProgrammeGrains.Meta(http, caller));
            notice = result.Rejection is { } rejection
                ? $"Not decided: {rejection.Message}"
                : $"{(kind == ApplicationKinds.Permit ? "Permit" : "Household registration")} {applicationId} of {applicantKey} {(decision == "approve" ? "approved" : "rejected")}.";
            if (result.Rejection is null)
                await DroppedFromQueueAsync(grains, kind, applicantKey);
        }
        return TypedResults.LocalRedirect($"/console/queue?reason={Uri.EscapeDataString(accessReason ?? "")}&notice={Uri.EscapeDataString(notice)}");
    }

    // The queue is a read model the streams feed a few milliseconds later: the page the officer returns to should not still list what they decided.
    private static async Task DroppedFromQueueAsync(ProgrammeGrains grains, string kind, string applicantKey)
    {
        var bucket = grains.Factory.GetGrain<IOfficerQueueGrain>(OfficerQueue.BucketOf(applicantKey));
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (await bucket.Lists(kind, applicantKey) && DateTime.UtcNow < deadline)
            await Task.Delay(10);
    }

    private static IApplicantCommand? CommandFor(string kind, string id, string decision, string reason) => (kind, decision) switch
    {
        (ApplicationKinds.Permit, "approve") => new ApprovePermit(id, reason),
        (ApplicationKinds.Permit, "reject") => new RejectPermit(id, reason),
        (ApplicationKinds.HouseholdRegistration, "approve") => new ApproveHouseholdRegistration(id, reason),
        (ApplicationKinds.HouseholdRegistration, "reject") => new RejectHouseholdRegistration(id, reason),
        _ => null,
    };
}

/// <summary>The queue page: the access reason and filters given, the oldest pending applications, how many match in all, and where the next page starts.</summary>
public sealed record QueueModel(string? Reason, string? Kind, string? District, IReadOnlyList<PendingApplication> Pending, int Total, long? NextAfter, string? Notice);
