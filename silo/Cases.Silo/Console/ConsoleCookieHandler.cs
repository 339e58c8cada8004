using System.Security.Claims;
using System.Text.Encodings.Web;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cases.Silo.WebConsole;

/// <summary>Authenticates console pages from a cookie holding the same bearer token the API takes, checked by <see cref="TokenService"/>.</summary>
public sealed class ConsoleCookieHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CasesConsole";

    public const string CookieName = "cases-console";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var token) || string.IsNullOrEmpty(token))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (tokens.Validate(token) is not { } caller)
            return Task.FromResult(AuthenticateResult.Fail("The console cookie's token is malformed, forged or expired."));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, caller.Role), new Claim(Roles.SubjectClaim, caller.Subject), new Claim(ClaimTypes.Name, caller.Actor)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    // A person without a (valid) cookie is sent to sign in rather than shown a bare 401.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var back = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect($"{ConsoleHosting.SignInPath}?returnUrl={Uri.EscapeDataString(back)}");
        return Task.CompletedTask;
    }

    // A signed-in person without the role sees a page saying so, not the API's JSON problem.
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.ContentType = "text/html; charset=utf-8";
        await Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Forbidden · Cases console</title>" +
            "<link rel=\"stylesheet\" href=\"/console/console.css\"></head><body><main><h1>Forbidden</h1>" +
            "<p class=\"error\" id=\"problem\">403 — your role may not open this page.</p><p><a href=\"/console/\">Home</a></p></main></body></html>");
    }
}
