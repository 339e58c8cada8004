using System.Security.Cryptography;
using System.Text;
using Cases.Runtime;
using Cases.Runtime.Cluster;
using Cases.Runtime.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cases.Silo.Cluster;

/// <summary>The endpoint other silos forward commands and reads to; only callers presenting the cluster secret get in.</summary>
public static class InternalApi
{
    public static IEndpointRouteBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<ClusterSettings>>().Value.Enabled)
            return app;
        var api = app.MapGroup("/internal").AllowAnonymous().ExcludeFromDescription();
        api.MapPost("/commands", ExecuteForwarded);
        api.MapGet("/state/{type}/{key}", ReadForwarded);
        return app;
    }

    public static async Task<Results<Ok<Runtime.Grains.CommandResult>, UnauthorizedHttpResult>> ExecuteForwarded(
        HttpContext http, [FromServices] GrainRuntime runtime, [FromServices] IOptions<ClusterSettings> settings)
    {
        if (!Authorized(http, settings.Value))
            return TypedResults.Unauthorized();
        var command = await http.Request.ReadFromJsonAsync<RemoteCommand>(HttpGrainTransport.Wire, http.RequestAborted)
            ?? throw new BadHttpRequestException("A forwarded command was empty.");
        return TypedResults.Ok(await runtime.ExecuteForwardedAsync(command, http.RequestAborted));
    }

    public static async Task<Results<Ok<RemoteState>, UnauthorizedHttpResult>> ReadForwarded(
        string type, string key, HttpContext http, [FromServices] GrainRuntime runtime, [FromServices] IOptions<ClusterSettings> settings)
    {
        if (!Authorized(http, settings.Value))
            return TypedResults.Unauthorized();
        return TypedResults.Ok(await runtime.ReadForwardedAsync(new GrainId(type, key), http.RequestAborted));
    }

    private static bool Authorized(HttpContext http, ClusterSettings settings)
    {
        var presented = Encoding.UTF8.GetBytes(http.Request.Headers[HttpGrainTransport.KeyHeader].ToString());
        return settings.Secret.Length > 0 && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(settings.Secret));
    }
}
