using Cases.Silo.Auth;

namespace Cases.Silo.WebConsole;

/// <summary>Wires the web console: its cookie scheme, Razor component rendering, antiforgery and its pages under /console.</summary>
public static class ConsoleHosting
{
    public const string SignInPath = "/console/sign-in";

    /// <summary>The console's scheme: the bearer token when a request carries one (API clients), otherwise the console's ticket cookie.</summary>
    public const string Scheme = "CasesConsoleOrBearer";

    /// <summary>Registers the console's services; its ticket scheme sits beside the API's bearer scheme, which stays the default.</summary>
    public static WebApplicationBuilder AddCasesConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        builder.Services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Console", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count > 0 ? AuthHosting.BearerScheme : AuthHosting.ConsoleScheme);
        return builder;
    }

    /// <summary>Maps every console page; call after authentication and authorization are in the pipeline.</summary>
    public static WebApplication MapCasesConsole(this WebApplication app)
    {
        app.UseAntiforgery();
        var console = app.MapGroup("/console").ExcludeFromDescription()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .ProblemsAsPages();
        console.MapSignInPages();
        console.MapParkPages();
        console.MapQueuePages();
        console.MapAuditPages();
        console.MapIntakePages();
        console.MapSearchPages();
        return app;
    }

    /// <summary>Restricts a console endpoint to roles, authenticated by the console cookie.</summary>
    public static TBuilder ForRoles<TBuilder>(this TBuilder endpoint, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(p => p.AddAuthenticationSchemes(Scheme).RequireRole(roles));

    /// <summary>The roles that read cases through the audit pages (officers replay the cases they work on).</summary>
    public static readonly string[] CaseReaders = [Roles.Officer, Roles.Auditor, Roles.Admin];
}
