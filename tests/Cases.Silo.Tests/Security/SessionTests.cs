using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cases.Silo.Auth;
using Cases.Silo.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Silo.Tests.Security;

/// <summary>The console's cookie is a console-only session ticket that sign-out and revocation end on the server.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class SessionTests(ApiSilo silo)
{
    [Fact]
    public async Task TheConsoleCookieIsATicketNotTheBearerToken()
    {
        var token = Issue(Roles.Officer, "lin");
        var signedIn = await ConsoleBrowser.SignInAsync(ConsoleBrowser.Open(silo.Factory), token);

        var cookie = ConsoleBrowser.SessionCookie(signedIn);

        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        Assert.NotNull(cookie);
        Assert.NotEqual(token, cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerAsync(cookie!, "/auth/me")).StatusCode);
    }

    [Fact]
    public async Task SignOutEndsTheSessionOnTheServerEvenForACopyOfTheCookie()
    {
        var browser = ConsoleBrowser.Open(silo.Factory);
        var cookie = ConsoleBrowser.SessionCookie(await ConsoleBrowser.SignInAsync(browser, Issue(Roles.Officer, "zhao")));
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(cookie!, "/console/queue")).StatusCode);

        var signedOut = await ConsoleBrowser.SignOutAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var replayed = await WithCookieAsync(cookie!, "/console/queue");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/console/sign-in", replayed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task RevokingATokenRefusesItAndEndsTheSessionsSignedInWithIt()
    {
        var issued = await IssueThroughApiAsync(Roles.Officer, "qian");
        var cookie = ConsoleBrowser.SessionCookie(await ConsoleBrowser.SignInAsync(ConsoleBrowser.Open(silo.Factory), issued.Token));
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(issued.Token, "/auth/me")).StatusCode);

        var revoked = await silo.Admin().PostAsJsonAsync("/auth/revocations/tokens", new { tokenId = issued.TokenId, reason = "laptop stolen" });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerAsync(issued.Token, "/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WithCookieAsync(cookie!, "/console/queue")).StatusCode);
        var another = silo.Factory.Services.GetRequiredService<TokenService>().Issue(Roles.Officer, "qian", TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(another, "/auth/me")).StatusCode);
    }

    [Fact]
    public async Task RevokingASubjectRefusesEveryTokenItWasIssuedUntilThen()
    {
        var tokens = silo.Factory.Services.GetRequiredService<TokenService>();
        var (first, second) = (Issue(Roles.Auditor, "feng"), Issue(Roles.Auditor, "feng"));

        var revoked = await silo.Admin().PostAsJsonAsync("/auth/revocations/subjects", new { role = "auditor", subject = "feng", reason = "left the service" });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerAsync(first, "/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BearerAsync(second, "/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(Issue(Roles.Auditor, "sun"), "/auth/me")).StatusCode);
        var later = tokens.Issue(Roles.Auditor, "feng", DateTimeOffset.UtcNow.AddSeconds(2), TimeSpan.FromHours(1)).Token;
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(later, "/auth/me")).StatusCode);
    }

    [Fact]
    public async Task OnlyAnAdminRevokesAndARevocationSaysWhy()
    {
        var issued = await IssueThroughApiAsync(Roles.Officer, "wu");

        Assert.Equal(HttpStatusCode.Forbidden, (await silo.Officer().PostAsJsonAsync("/auth/revocations/tokens", new { tokenId = issued.TokenId, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await silo.Admin().PostAsJsonAsync("/auth/revocations/tokens", new { tokenId = issued.TokenId, reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await BearerAsync(issued.Token, "/auth/me")).StatusCode);
    }

    [Theory]
    [InlineData("officer", 13)]
    [InlineData("admin", 24)]
    [InlineData("auditor", 8784)]
    public async Task StaffTokensAreShortLived(string role, int hours)
    {
        var response = await silo.Admin().PostAsJsonAsync("/auth/tokens", new { role, subject = "li", validForHours = hours });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 1 and 12", await response.Content.ReadAsStringAsync());
    }

    private string Issue(string role, string subject) =>
        silo.Factory.Services.GetRequiredService<TokenService>().Issue(role, subject, TimeSpan.FromHours(1));

    private async Task<IssuedBody> IssueThroughApiAsync(string role, string subject)
    {
        var response = await silo.Admin().PostAsJsonAsync("/auth/tokens", new { role, subject, validForHours = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedBody>())!;
    }

    private async Task<HttpResponseMessage> BearerAsync(string token, string path)
    {
        var client = silo.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(path);
    }

    private async Task<HttpResponseMessage> WithCookieAsync(string cookie, string path)
    {
        var client = ConsoleBrowser.Open(silo.Factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"cases-console={cookie}");
        return await client.SendAsync(request);
    }

    private sealed record IssuedBody(string Token, string TokenId);
}
