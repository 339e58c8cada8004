using Cases.Domain.Audit;
using Cases.Grains.Contracts;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cases.Silo.WebConsole;

/// <summary>Sign-in with a bearer token (exchanged for a console session in an HttpOnly cookie), sign-out, the home page and the stylesheet.</summary>
public static class SignInPages
{
    public static void MapSignInPages(this RouteGroupBuilder console)
    {
        console.MapGet("/sign-in", ShowSignIn).AllowAnonymous();
        console.MapPost("/sign-in", SignIn).AllowAnonymous().BrowserFormsOnly();
        console.MapPost("/sign-out", (Delegate)SignOut).AllowAnonymous().BrowserFormsOnly();
        console.MapGet("/console.css", Stylesheet).AllowAnonymous();
        console.MapGet("/", Home);
    }

    /// <summary>The console's stylesheet, the one answer a browser may cache: it holds no personal data.</summary>
    public static ContentHttpResult Stylesheet(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(ConsoleStyles.Css, "text/css");
    }

    public static RazorComponentResult<SignInPage> ShowSignIn(HttpContext http, string? returnUrl) =>
        PageFrame.Page<SignInPage>(http, "Sign in", new SignInModel(returnUrl, null));

    /// <summary>Checks the token like the API would and opens a console session for it; a bad token shows the form again with 400.</summary>
    public static async Task<Results<RedirectHttpResult, RazorComponentResult<SignInPage>, ProblemHttpResult>> SignIn(
        HttpContext http, [FromServices] TokenService tokens, [FromServices] IOptions<AuthSettings> settings, [FromServices] TimeProvider time)
    {
        var (form, problem) = await ConsoleForms.ReadAsync(http);
        if (problem is not null)
            return problem;
        string? token = form!["token"], returnUrl = form["returnUrl"];
        if (string.IsNullOrWhiteSpace(token) || await SessionForAsync(http, token.Trim(), time) is not { } session)
            return PageFrame.Page<SignInPage>(http, "Sign in", new SignInModel(returnUrl, "The token is malformed, forged, expired or revoked."), status: 400);
        ConsoleTicketEvents.Write(http, tokens.IssueConsoleTicket(session, settings.Value.ConsoleIdleTimeout));
        // Only a local console path is followed, so the form cannot be used to redirect elsewhere.
        var next = returnUrl is { } url && url.StartsWith("/console", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            ? url : HomeOf(session.Caller);
        return TypedResults.LocalRedirect(next);
    }

    /// <summary>Ends the session on the server (its ticket is revoked, whoever holds a copy) and clears the cookie.</summary>
    // Cast to Delegate where mapped: a handler taking only HttpContext would otherwise be bound as a RequestDelegate.
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOut(HttpContext http)
    {
        if ((await ConsoleForms.ReadAsync(http)).Problem is { } problem)
            return problem;
        var ticket = await http.AuthenticateAsync(AuthHosting.ConsoleScheme);
        if (ticket.Succeeded && ticket.Principal is { } user)
        {
            var revocations = Revocations.List(http.RequestServices.GetRequiredService<IGrainFactory>());
            var ended = await revocations.Execute(new EndSession(CallerPrincipal.TokenIds(user)[0], CallerPrincipal.ExpiresAt(user)), new CommandMeta(Actor: Caller.From(user).Actor));
            if (ended.Rejection is { } rejection)
                return Api.Problems.From(rejection);
        }
        ConsoleTicketEvents.Clear(http);
        return TypedResults.LocalRedirect(ConsoleHosting.SignInPath);
    }

    // The pasted token goes through the API's own bearer schemes, so the console accepts exactly the tokens the API does;
    // a request of its own, because this request's handlers have already authenticated it (anonymously) and keep that answer.
    private static async Task<ConsoleSession?> SessionForAsync(HttpContext http, string token, TimeProvider time)
    {
        await using var scope = http.RequestServices.CreateAsyncScope();
        var bearer = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        bearer.Request.Headers.Authorization = $"Bearer {token}";
        var result = await bearer.AuthenticateAsync(AuthHosting.BearerScheme);
        if (!result.Succeeded || result.Principal is not { } user)
            return null;
        var id = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        return new ConsoleSession(Caller.From(user), $"session:{id}", CallerPrincipal.TokenIds(user)[0], time.GetUtcNow(), CallerPrincipal.ExpiresAt(user));
    }

    public static RedirectHttpResult Home(HttpContext http) => TypedResults.LocalRedirect(HomeOf(Caller.From(http.User)));

    private static string HomeOf(Caller caller) => caller.Role switch
    {
        Roles.Operator => $"/console/parks/{Uri.EscapeDataString(caller.Subject)}",
        Roles.Officer => "/console/queue",
        _ => "/console/intake",
    };
}

/// <summary>The sign-in form's state: where to go next and the error of a failed attempt.</summary>
public sealed record SignInModel(string? ReturnUrl, string? Error);
