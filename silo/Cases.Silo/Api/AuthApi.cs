using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>Token issuing: admins issue tokens for any role; anyone can ask who they are.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/auth").WithTags("Auth");
        api.MapPost("/tokens", IssueToken).RequireAuthorization(Roles.Admin);
        api.MapGet("/me", WhoAmI).RequireAuthorization();
        return api;
    }

    public static Results<Ok<IssuedToken>, ValidationProblem> IssueToken(TokenRequest request, [FromServices] TokenService tokens)
    {
        var errors = new Validation.Errors();
        errors.Check("role", Roles.All.Contains(request.Role), $"must be one of {string.Join(", ", Roles.All)}");
        errors.Id("subject", request.Subject);
        errors.Check("validForHours", request.ValidForHours is > 0 and <= 24 * 366, "must be between 1 and 8784");
        if (errors.ByField.Count > 0)
            return TypedResults.ValidationProblem(errors.ByField);
        return TypedResults.Ok(new IssuedToken(tokens.Issue(request.Role, request.Subject, TimeSpan.FromHours(request.ValidForHours)), request.Role, request.Subject));
    }

    public static Ok<Caller> WhoAmI(HttpContext http) => TypedResults.Ok(Caller.From(http.User));
}

public sealed record TokenRequest(string Role, string Subject, int ValidForHours = 24);

public sealed record IssuedToken(string Token, string Role, string Subject);
