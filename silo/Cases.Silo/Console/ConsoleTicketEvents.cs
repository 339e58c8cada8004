using Cases.Silo.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Cases.Silo.WebConsole;

/// <summary>The console's scheme over JwtBearer: its ticket comes from an HttpOnly cookie, is renewed while in use, and a stranger is sent to sign in.</summary>
public static class ConsoleTicketEvents
{
    public const string CookieName = "cases-console";

    /// <summary>A ticket older than this is replaced on the next request, so an idle session ends and an active one does not.</summary>
    private static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(1);

    public static JwtBearerEvents Create(AuthSettings settings) => new()
    {
        OnMessageReceived = context =>
        {
            if (!context.Request.Cookies.TryGetValue(CookieName, out var ticket) || string.IsNullOrEmpty(ticket))
                context.NoResult();
            else if (TokenSpelling.IsCanonical(ticket))
                context.Token = ticket;
            else
                context.Fail("The console cookie is not a ticket.");
            return Task.CompletedTask;
        },
        OnTokenValidated = async context =>
        {
            if (SessionOf((JsonWebToken)context.SecurityToken) is not { } session)
            {
                context.Fail("The console ticket lacks a required claim.");
                return;
            }
            var services = context.HttpContext.RequestServices;
            if (await BearerEvents.AcceptAsync(context, session.Caller, [session.Id, session.SignedInWith], session.SignedInAt, session.EndsAt)
                && context.SecurityToken.ValidFrom.Add(RenewAfter) < services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)
                Write(context.HttpContext, services.GetRequiredService<TokenService>().IssueConsoleTicket(session, settings.ConsoleIdleTimeout));
        },
        // A person without a (valid) ticket is sent to sign in rather than shown a bare 401.
        OnChallenge = context =>
        {
            context.HandleResponse();
            var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{ConsoleHosting.SignInPath}?returnUrl={Uri.EscapeDataString(back)}");
            return Task.CompletedTask;
        },
        // A signed-in person without the role sees a page saying so, not the API's JSON problem.
        OnForbidden = async context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Forbidden · Cases console</title>" +
                "<link rel=\"stylesheet\" href=\"/console/console.css\"></head><body><main><h1>Forbidden</h1>" +
                "<p class=\"error\" id=\"problem\">403 — your role may not open this page.</p><p><a href=\"/console/\">Home</a></p></main></body></html>");
        },
    };

    /// <summary>Keeps a ticket in the console's cookie: HttpOnly, SameSite=Strict, only under /console.</summary>
    public static void Write(HttpContext http, string ticket) =>
        http.Response.Cookies.Append(CookieName, ticket, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/console", IsEssential = true,
        });

    /// <summary>Removes the console's cookie from the browser.</summary>
    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/console" });

    private static ConsoleSession? SessionOf(JsonWebToken jwt)
    {
        var role = BearerEvents.Claim(jwt, TokenClaims.Role);
        if (role is null || !Roles.All.Contains(role) || BearerEvents.ValidSubject(BearerEvents.Claim(jwt, JwtRegisteredClaimNames.Sub)) is not { } subject)
            return null;
        if (BearerEvents.Claim(jwt, JwtRegisteredClaimNames.Jti) is not { Length: > 0 } id || BearerEvents.Claim(jwt, TokenClaims.SignedInWith) is not { Length: > 0 } source)
            return null;
        if (BearerEvents.Instant(jwt, JwtRegisteredClaimNames.AuthTime) is not { } signedInAt || BearerEvents.Instant(jwt, TokenClaims.SessionEnds) is not { } endsAt)
            return null;
        return new ConsoleSession(new Caller(role, subject), id, source, signedInAt, endsAt);
    }
}
