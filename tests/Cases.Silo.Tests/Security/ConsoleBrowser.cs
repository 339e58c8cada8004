using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cases.Silo.Tests.Security;

/// <summary>A browser over plain HTTP: it keeps cookies, follows no redirects, and signs in to the console through its form.</summary>
public static partial class ConsoleBrowser
{
    /// <summary>A cookie-keeping client that has not signed in.</summary>
    public static HttpClient Open(SiloFactory factory) => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Posts the sign-in form with a token; answers the form's response (302 to the console on success).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string token) =>
        await PostFormAsync(browser, "/console/sign-in", "/console/sign-in", new() { ["token"] = token, ["returnUrl"] = "" });

    /// <summary>Posts the sign-out form shown on a console page.</summary>
    public static Task<HttpResponseMessage> SignOutAsync(HttpClient browser) =>
        PostFormAsync(browser, "/console/sign-in", "/console/sign-out", []);

    /// <summary>Loads a page for its antiforgery field, then posts a form with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await (await browser.GetAsync(formPage)).Content.ReadAsStringAsync();
        var field = HiddenAntiforgeryField().Match(page);
        Assert.True(field.Success, $"no antiforgery field on {formPage}");
        fields[WebUtility.HtmlDecode(field.Groups[1].Value)] = WebUtility.HtmlDecode(field.Groups[2].Value);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The value of the console's session cookie the last answer set.</summary>
    public static string? SessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => SessionCookieValue().Match(c)).FirstOrDefault(m => m.Success)?.Groups[1].Value
            : null;

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]+)" />""")]
    private static partial Regex HiddenAntiforgeryField();

    [GeneratedRegex("^cases-console=([^;]+)")]
    private static partial Regex SessionCookieValue();
}
