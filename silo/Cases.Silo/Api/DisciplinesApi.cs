using Cases.Domain.Disciplines;
using Cases.Domain.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>The national catalogue of disciplines for intake forms: what a degree's or research stay's field may name.</summary>
public static class DisciplinesApi
{
    /// <summary>The longest query: longer than any name in the catalogue.</summary>
    public const int MaxQuery = 100;

    /// <summary>The most entries one answer holds: more than the whole catalogue, so an empty query lists it all.</summary>
    public const int MaxLimit = 250;

    public static RouteGroupBuilder MapDisciplinesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/disciplines").WithTags("Disciplines");
        // Public intake forms look subjects up before anyone holds a token.
        api.MapGet("/", FindDisciplines).AllowAnonymous();
        return api;
    }

    /// <summary>Entries matching q (a code, or part of a Chinese or English name or common alias), best first, with category and item 3 class; an empty q lists the whole catalogue.</summary>
    public static Results<Ok<DisciplineList>, ValidationProblem> FindDisciplines(string? q, int? limit, [FromServices] RuleSet rules)
    {
        var errors = new Validation.Errors();
        errors.Check("q", (q?.Length ?? 0) <= MaxQuery, $"must be at most {MaxQuery} characters");
        errors.Check("limit", limit is null or (>= 1 and <= MaxLimit), $"must be from 1 to {MaxLimit}");
        if (errors.ByField.Count > 0)
            return TypedResults.ValidationProblem(errors.ByField);
        var catalogue = DisciplineCatalogue.Current;
        var found = catalogue.Search(q);
        var shown = found.Take(limit ?? MaxLimit).Select(d => DisciplineView.Of(d, catalogue, rules)).ToList();
        return TypedResults.Ok(new DisciplineList(catalogue.Version, catalogue.Edition, catalogue.Title, rules.Version, found.Count, shown));
    }

    /// <summary>Where an applicant looks up the discipline a field should name.</summary>
    public static string LookupFor(string field) => $"GET /disciplines?q={Uri.EscapeDataString(field)}";
}
