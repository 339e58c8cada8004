using Cases.Domain.Applicants;
using Cases.Grains.ReadModels;
using Cases.Silo.Api;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.WebConsole;

/// <summary>Staff search from the box on every staff page: cases found by key, identity document, name or park, each linking to its page.</summary>
public static class SearchPages
{
    public const int Limit = 20;

    public static void MapSearchPages(this RouteGroupBuilder console) =>
        console.MapGet("/search", Search).ForRoles(ConsoleHosting.CaseReaders);

    /// <summary>Without a query and a reason only the form shows; with both, each listed applicant's read is recorded first, as the API's search does.</summary>
    public static async Task<Results<RazorComponentResult<SearchPage>, ProblemHttpResult>> Search(
        string? q, string? reason, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var empty = new SearchModel(q?.Trim(), reason?.Trim(), [], false, null);
        if (string.IsNullOrWhiteSpace(q) || string.IsNullOrWhiteSpace(reason))
            return Page(http, empty with { Message = "Give what to search for and a reason: a search reads applicants' personal data." });
        if (SearchApi.QueryProblem(q, out var query) is { } bad)
            return Page(http, empty with { Message = bad.ProblemDetails.Detail });
        ConsoleAccess.UseReason(http, reason);
        var caller = Caller.From(http.User);
        if (Access.ReasonProblem(http, caller) is { } noReason)
            return noReason;
        var outcome = await SearchReads.SearchAsync(grains.Factory, q, Limit);
        foreach (var hit in outcome.Hits.Where(h => h.Kind == ApplicantDecider.Type))
        {
            if (await Access.ToApplicantAsync(http, grains, caller, hit.Key, $"console {SearchApi.AccessWhat(query!)}") is { } denied)
                return denied;
        }
        return Page(http, empty with { Hits = outcome.Hits, More = outcome.More, Message = outcome.Hits.Count == 0 ? "Nothing found." : null });
    }

    /// <summary>The console page of a case found: the audit page (with the reason) for applicants and enterprises, the roster for parks.</summary>
    public static string LinkOf(SearchHit hit, string reason) => hit.Kind == Domain.Parks.ParkDecider.Type
        ? $"/console/parks/{Uri.EscapeDataString(hit.Key)}"
        : $"/console/audit/{hit.Kind}/{Uri.EscapeDataString(hit.Key)}?reason={Uri.EscapeDataString(reason)}";

    private static RazorComponentResult<SearchPage> Page(HttpContext http, SearchModel model) => PageFrame.Page<SearchPage>(http, "Search", model);
}

/// <summary>The search page: the query and reason given, the cases found, whether more were left unchecked, and a message when there is nothing to list.</summary>
public sealed record SearchModel(string? Query, string? Reason, IReadOnlyList<SearchHit> Hits, bool More, string? Message);
