using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.ReadModels;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>The officers' queue: every application that passed its rules and awaits an officer, oldest first, served from its read model.</summary>
public static class QueueApi
{
    public const int MaxPage = 200;

    public static RouteGroupBuilder MapQueueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/queue").WithTags("Officer queue");
        api.MapGet("/", GetQueue).RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Auditor, Roles.Admin));
        return api;
    }

    /// <summary>A page of pending applications (permit, household registration), oldest first, optionally of one kind or district; each listed applicant's read is recorded with the X-Access-Reason.</summary>
    /// <remarks>Pass the answer's <c>nextAfter</c> as <c>after</c> for the next page. The queue follows the journal within milliseconds: a decision just made may still be listed.</remarks>
    public static async Task<Results<Ok<QueueView>, ProblemHttpResult>> GetQueue(
        HttpContext http, [FromServices] ProgrammeGrains grains, string? kind = null, string? district = null, long after = 0, int limit = 20)
    {
        if (kind is not null && !ApplicationKinds.All.Contains(kind))
            return Problems.BadRequest("invalid-kind", $"kind must be one of: {string.Join(", ", ApplicationKinds.All)}.");
        if (limit is < 1 or > MaxPage)
            return Problems.BadRequest("invalid-page", $"limit must be between 1 and {MaxPage}.");
        if (after < 0)
            return Problems.BadRequest("invalid-page", "after must be a log position (0 or more).");
        var caller = Caller.From(http.User);
        // The queue lists applicants' identity documents, so even an empty page is a personal-data read that needs its reason.
        if (Access.ReasonProblem(http, caller) is { } unreasoned)
            return unreasoned;
        var page = await OfficerQueueReads.PageAsync(grains.Factory, new QueueFilter(kind, string.IsNullOrWhiteSpace(district) ? null : district.Trim()), after, limit);
        foreach (var a in page.Applications)
        {
            if (await Access.ToApplicantAsync(http, grains, caller, a.ApplicantKey, $"{a.Kind} application {a.ApplicationId} in the officers' queue") is { } denied)
                return denied;
        }
        return TypedResults.Ok(new QueueView(page.Total, page.Applications.Select(QueuedApplication.From).ToList(), page.NextAfter));
    }
}

/// <summary>A page of the officers' queue: how many match in all, the page, and the position to pass as <c>after</c> for the next one (null at the end).</summary>
public sealed record QueueView(int Total, IReadOnlyList<QueuedApplication> Applications, long? NextAfter);

/// <summary>One pending application: its kind, applicant, id, when it was recorded, the applicant's district and the rule conditions it met.</summary>
public sealed record QueuedApplication(
    string Kind, string ApplicantKey, string ApplicationId, long Position, DateTimeOffset AppliedAt, string? District, string RuleSetVersion, IReadOnlyList<QueuedCondition> Conditions)
{
    /// <summary>The view of a read-model entry.</summary>
    public static QueuedApplication From(PendingApplication a) => new(a.Kind, a.ApplicantKey, a.ApplicationId, a.Position, a.AppliedAt, a.District, a.RuleSetVersion,
        a.Conditions.Select(c => new QueuedCondition(c.Code, c.Source, c.Passed, c.Reason)).ToList());
}

/// <summary>A rule condition of a pending application: its code, the article it comes from, whether it passed and why.</summary>
public sealed record QueuedCondition(string Code, string Source, bool Passed, string Reason);
