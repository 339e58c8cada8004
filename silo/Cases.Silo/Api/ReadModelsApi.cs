using Cases.Grains.ReadModels;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>The read models' upkeep: rebuilding them from the journal's log, or checking that the live ones equal a rebuild.</summary>
public static class ReadModelsApi
{
    public static RouteGroupBuilder MapReadModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/read-models").WithTags("Read models");
        api.MapPost("/rebuild", Rebuild).RequireAuthorization(Roles.Admin);
        return api;
    }

    /// <summary>Folds the whole log into every read model and replaces the partitions that differ (or, with compareOnly, only reports them); safe while the silo serves.</summary>
    public static async Task<Ok<ReadModelRebuildReport>> Rebuild(HttpContext http, [FromServices] ReadModelRebuilder rebuilder, bool compareOnly = false) =>
        TypedResults.Ok(await rebuilder.RunAsync(compareOnly, http.RequestAborted));
}
