using Cases.Domain.Audit;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cases.Silo.Api;

/// <summary>Tokens: admins issue them (staff tokens are short-lived) and revoke a token or all of a subject's; anyone can ask who they are.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/auth").WithTags("Auth");
        api.MapPost("/tokens", IssueToken).RequireAuthorization(Roles.Admin);
        api.MapPost("/revocations/tokens", RevokeToken).RequireAuthorization(Roles.Admin);
        api.MapPost("/revocations/subjects", RevokeSubject).RequireAuthorization(Roles.Admin);
        api.MapGet("/me", WhoAmI).RequireAuthorization();
        return api;
    }

    /// <summary>Issues a token for a role and subject; a staff token lives at most Cases:Auth:StaffTokenLifetime (12 h), an applicant's 90 days.</summary>
    public static Results<Ok<IssuedToken>, ValidationProblem> IssueToken(TokenRequest request, [FromServices] TokenService tokens, [FromServices] IOptions<AuthSettings> options, [FromServices] TimeProvider time)
    {
        var settings = options.Value;
        var errors = new Validation.Errors();
        errors.Check("role", Roles.All.Contains(request.Role), $"must be one of {string.Join(", ", Roles.All)}");
        errors.Id("subject", request.Subject);
        var longest = request.Role == Roles.Applicant ? ApplicantsApi.ApplicantTokenLifetime : settings.StaffTokenLifetime;
        errors.Check("validForHours", request.ValidForHours > 0 && TimeSpan.FromHours(request.ValidForHours) <= longest,
            $"must be between 1 and {longest.TotalHours:0} for the {request.Role} role");
        if (errors.ByField.Count > 0)
            return TypedResults.ValidationProblem(errors.ByField);
        var issued = tokens.Issue(request.Role, request.Subject, time.GetUtcNow(), TimeSpan.FromHours(request.ValidForHours));
        return TypedResults.Ok(new IssuedToken(issued.Token, issued.TokenId, issued.ExpiresAt, request.Role, request.Subject));
    }

    /// <summary>Revokes one token by its id, at once on every silo: the next request carrying it, and every console session signed in with it, is refused.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RevokeToken(
        TokenRevocationRequest request, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] TimeProvider time)
    {
        var errors = new Validation.Errors();
        errors.Id("tokenId", request.TokenId);
        errors.Text("reason", request.Reason);
        if (errors.ByField.Count > 0)
            return TypedResults.ValidationProblem(errors.ByField);
        // Kept until the longest-lived token issued now would have expired; by then the token is refused anyway.
        var keepUntil = time.GetUtcNow().Add(ApplicantsApi.ApplicantTokenLifetime);
        return await RevokeAsync(http, grains, new Domain.Audit.RevokeToken(request.TokenId, keepUntil, request.Reason));
    }

    /// <summary>Revokes every token and console session of a role and subject issued up to now; tokens issued afterwards work.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RevokeSubject(
        SubjectRevocationRequest request, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var errors = new Validation.Errors();
        errors.Check("role", Roles.All.Contains(request.Role), $"must be one of {string.Join(", ", Roles.All)}");
        errors.Id("subject", request.Subject);
        errors.Text("reason", request.Reason);
        if (errors.ByField.Count > 0)
            return TypedResults.ValidationProblem(errors.ByField);
        return await RevokeAsync(http, grains, new RevokeSubjectTokens(request.Role, request.Subject, request.Reason));
    }

    /// <summary>Who the presented token says the caller is: role and subject (and park, for an operator).</summary>
    public static Ok<Caller> WhoAmI(HttpContext http) => TypedResults.Ok(Caller.From(http.User));

    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RevokeAsync(HttpContext http, ProgrammeGrains grains, ITokenRevocationCommand command)
    {
        var result = await grains.TokenRevocations().Execute(command, ProgrammeGrains.Meta(http, Caller.From(http.User)));
        return result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(CommandAnswer.From(result));
    }
}

/// <summary>An admin's request for a token: role, subject and hours of validity.</summary>
public sealed record TokenRequest(string Role, string Subject, int ValidForHours = 8);

/// <summary>An issued token, its id (to revoke it by) and its expiry.</summary>
public sealed record IssuedToken(string Token, string TokenId, DateTimeOffset ExpiresAt, string Role, string Subject);

/// <summary>An admin's revocation of one token, by the id its issuing answered.</summary>
public sealed record TokenRevocationRequest(string TokenId, string Reason);

/// <summary>An admin's revocation of every token of a role and subject.</summary>
public sealed record SubjectRevocationRequest(string Role, string Subject, string Reason);
