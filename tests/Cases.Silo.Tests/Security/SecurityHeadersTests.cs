using System.Net;
using System.Net.Http.Json;
using Cases.Silo.Tests.Api;

namespace Cases.Silo.Tests.Security;

/// <summary>API answers and console pages carry the headers that keep a browser from sniffing, framing, leaking or caching them.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class SecurityHeadersTests(ApiSilo silo)
{
    [Theory]
    [InlineData("/console/sign-in")]
    [InlineData("/health")]
    [InlineData("/no-such-resource")]
    public async Task EveryAnswerForbidsSniffingFramingAndReferrers(string path)
    {
        var response = await silo.Anonymous().GetAsync(path);

        AssertHardened(response);
    }

    [Fact]
    public async Task TheConsoleMayRunNoInlineScriptAndCannotBeFramed()
    {
        var response = await silo.Anonymous().GetAsync("/console/sign-in");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public async Task AnAnswerCarryingPersonalDataIsNeverCached()
    {
        var id = AuditSteps.NewId("P");
        var intake = await silo.Anonymous().PostAsJsonAsync("/applicants", Profiles.Eligible(id));
        var officer = silo.Officer();
        officer.DefaultRequestHeaders.Add("X-Access-Reason", "checking the header");

        var read = await officer.GetAsync($"/applicants/{id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        foreach (var response in new[] { intake, read })
        {
            AssertHardened(response);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage?.RequestUri} may be cached");
        }
    }

    private static void AssertHardened(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }
}
