using Cases.Silo.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Silo.WebConsole;

/// <summary>What every console page's frame needs: its title, who is signed in, the antiforgery token for its forms, and an optional refresh.</summary>
public sealed record PageFrame(string Title, Caller? Caller, AntiforgeryTokenSet Csrf, int? RefreshSeconds = null)
{
    /// <summary>The frame for the current request, with fresh antiforgery tokens (the cookie half is set on the response).</summary>
    public static PageFrame For(HttpContext http, string title, int? refreshSeconds = null)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        var caller = http.User.Identity?.IsAuthenticated == true ? Caller.From(http.User) : null;
        return new PageFrame(title, caller, antiforgery.GetAndStoreTokens(http), refreshSeconds);
    }

    /// <summary>Renders a page component that takes Frame and Model parameters.</summary>
    public static RazorComponentResult<TPage> Page<TPage>(HttpContext http, string title, object model, int? refreshSeconds = null, int? status = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new(new Dictionary<string, object?> { ["Frame"] = For(http, title, refreshSeconds), ["Model"] = model }) { StatusCode = status };
}
