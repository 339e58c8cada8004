using Cases.Domain.Applicants;
using Cases.Domain.Enterprises;
using Cases.Domain.ReadModels;
using Cases.Grains.ReadModels;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>Staff search over applicants, enterprises and parks, served from the search index and checked against each case's current state.</summary>
public static class SearchApi
{
    public const int MaxLimit = 50;

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/search").WithTags("Search");
        api.MapGet("/", Search).RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Auditor, Roles.Admin));
        return api;
    }

    /// <summary>Finds cases by case key, identity document, applicant name, enterprise name or park; each listed applicant's read is recorded with the X-Access-Reason.</summary>
    /// <remarks>Case and width do not matter, nor spaces or '-' in a document; a Chinese name is found whole or by any two adjacent characters (欧阳 finds 欧阳娜娜).
    /// An exact key match comes first, then the rest by name. The index follows the journal within milliseconds: a case just registered may not be found yet.</remarks>
    public static async Task<Results<Ok<SearchView>, ProblemHttpResult>> Search(HttpContext http, [FromServices] ProgrammeGrains grains, string? q = null, int limit = 20)
    {
        if (QueryProblem(q, out var query) is { } bad)
            return bad;
        if (limit is < 1 or > MaxLimit)
            return Problems.BadRequest("invalid-limit", $"limit must be between 1 and {MaxLimit}.");
        var caller = Caller.From(http.User);
        if (Access.ReasonProblem(http, caller) is { } noReason)
            return noReason;
        var outcome = await SearchReads.SearchAsync(grains.Factory, q!, limit);
        foreach (var hit in outcome.Hits.Where(h => h.Kind == ApplicantDecider.Type))
        {
            if (await Access.ToApplicantAsync(http, grains, caller, hit.Key, AccessWhat(query!)) is { } denied)
                return denied;
        }
        return TypedResults.Ok(new SearchView(outcome.Hits.Select(SearchResultView.From).ToList(), outcome.Candidates, outcome.More));
    }

    /// <summary>Why the text is no query (empty, too long, nothing to search for), or null with the parsed query.</summary>
    public static ProblemHttpResult? QueryProblem(string? q, out SearchQuery? query)
    {
        query = null;
        if (string.IsNullOrWhiteSpace(q))
            return Problems.BadRequest("invalid-query", "q must name what to search for: a case key, an identity document, a name or a park.");
        if (q.Length > SearchTerms.MaxQueryLength)
            return Problems.BadRequest("invalid-query", $"q must be at most {SearchTerms.MaxQueryLength} characters.");
        query = SearchTerms.Parse(q);
        return query is null ? Problems.BadRequest("invalid-query", "q holds no letter or digit to search for.") : null;
    }

    /// <summary>What an applicant's access record says a search read: the words searched for, but only the kind of search when it was by a number.</summary>
    /// <remarks>A number searched for is an identity document or a case key, perhaps of someone else than the applicant listed (a partial match) or of no case at all;
    /// copying it into this applicant's record would spread it to every auditor reading that record (PIPL Art. 6, minimum necessary). A name searched for is the listed person's.</remarks>
    public static string AccessWhat(SearchQuery query) =>
        query.IsIdentifier ? "staff search by identity document or case key" : $"staff search for \"{query.Text}\"";
}

/// <summary>A search's answer: the cases found now, in order; how many candidates the index named; and whether some were left unchecked (narrow the query).</summary>
public sealed record SearchView(IReadOnlyList<SearchResultView> Results, int Candidates, bool More);

/// <summary>One case found: its kind (applicant, enterprise, park), key, name, district, park, whether the query was its key, and where the API serves it.</summary>
public sealed record SearchResultView(string Kind, string Key, string Name, string? District, string? Park, bool ExactKey, string Href)
{
    /// <summary>The view of a verified hit.</summary>
    public static SearchResultView From(SearchHit h) => new(h.Kind, h.Key, h.Name, h.District, h.Park, h.ExactKey, HrefOf(h.Kind, h.Key));

    private static string HrefOf(string kind, string key) => kind switch
    {
        ApplicantDecider.Type => $"/applicants/{Uri.EscapeDataString(key)}",
        EnterpriseDecider.Type => $"/enterprises/{Uri.EscapeDataString(key)}",
        _ => $"/parks/{Uri.EscapeDataString(key)}",
    };
}
