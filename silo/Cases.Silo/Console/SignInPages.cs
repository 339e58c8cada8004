using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.WebConsole;

/// <summary>Sign-in with a bearer token (kept in an HttpOnly cookie), sign-out, the home page and the stylesheet.</summary>
public static class SignInPages
{
    public static void MapSignInPages(this RouteGroupBuilder console)
    {
        console.MapGet("/sign-in", ShowSignIn).AllowAnonymous();
        console.MapPost("/sign-in", SignIn).AllowAnonymous().BrowserFormsOnly();
        console.MapPost("/sign-out", (Delegate)SignOut).AllowAnonymous().BrowserFormsOnly();
        console.MapGet("/console.css", () => TypedResults.Text(ConsoleStyles.Css, "text/css")).AllowAnonymous();
        console.MapGet("/", Home);
    }

    public static RazorComponentResult<SignInPage> ShowSignIn(HttpContext http, string? returnUrl) =>
        PageFrame.Page<SignInPage>(http, "Sign in", new SignInModel(returnUrl, null));

    /// <summary>Checks the token and keeps it in the console cookie; a bad token shows the form again with 400.</summary>
    public static async Task<Results<RedirectHttpResult, RazorComponentResult<SignInPage>, ProblemHttpResult>> SignIn(
        HttpContext http, [FromServices] TokenService tokens)
    {
        var (form, problem) = await ConsoleForms.ReadAsync(http);
        if (problem is not null)
            return problem;
        string? token = form!["token"], returnUrl = form["returnUrl"];
        if (string.IsNullOrWhiteSpace(token) || tokens.Validate(token.Trim()) is not { } caller)
            return PageFrame.Page<SignInPage>(http, "Sign in", new SignInModel(returnUrl, "The token is malformed, forged or expired."), status: 400);
        http.Response.Cookies.Append(ConsoleCookieHandler.CookieName, token.Trim(), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/console", IsEssential = true,
        });
        // Only a local console path is followed, so the form cannot be used to redirect elsewhere.
        var next = returnUrl is { } url && url.StartsWith("/console", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            ? url : HomeOf(caller);
        return TypedResults.LocalRedirect(next);
    }

    // Cast to Delegate where mapped: a handler taking only HttpContext would otherwise be bound as a RequestDelegate.
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOut(HttpContext http)
    {
        if ((await ConsoleForms.ReadAsync(http)).Problem is { } problem)
            return problem;
        http.Response.Cookies.Delete(ConsoleCookieHandler.CookieName, new CookieOptions { Path = "/console" });
        return TypedResults.LocalRedirect(ConsoleHosting.SignInPath);
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
