namespace Cases.Silo.Api;

/// <summary>Answers 400 invalid-id, naming each bad parameter, when a route value breaks the id rule; one middleware for every route of the API and the console.</summary>
/// <remarks>Runs after routing and authorization, so callers without the right still meet 401/403 first; catch-all parameters are paths, not ids.</remarks>
public sealed class RouteIdGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Errors(context) is { Count: > 0 } errors)
        {
            await TypedResults.ValidationProblem(errors, detail: "A route id is not valid.", type: "https://cases.local/problems/invalid-id",
                title: Problems.TitleFor(StatusCodes.Status400BadRequest), extensions: [new("code", "invalid-id")]).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static Dictionary<string, string[]> Errors(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if ((context.GetEndpoint() as RouteEndpoint)?.RoutePattern is not { } pattern)
            return errors;
        foreach (var parameter in pattern.Parameters.Where(p => !p.IsCatchAll))
        {
            if (context.Request.RouteValues.TryGetValue(parameter.Name, out var value) && value is string id && Ids.Problem(id) is { } problem)
                errors[parameter.Name] = [problem];
        }
        return errors;
    }
}
