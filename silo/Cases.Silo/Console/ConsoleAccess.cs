using Cases.Silo.Api;

namespace Cases.Silo.WebConsole;

/// <summary>Carries a console form's access reason to the API's access rules, which read it from the X-Access-Reason header.</summary>
internal static class ConsoleAccess
{
    /// <summary>Puts the reason where <see cref="Access.ToApplicantAsync"/> looks, so the console records reads exactly as the API does.</summary>
    public static void UseReason(HttpContext http, string? reason)
    {
        if (!string.IsNullOrWhiteSpace(reason))
            http.Request.Headers[Access.ReasonHeader] = reason.Trim();
        else
            http.Request.Headers.Remove(Access.ReasonHeader);
    }
}
