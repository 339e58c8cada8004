using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cases.Silo.Tests.Api;

/// <summary>The Orleans Dashboard is served to admins only, behind the silo's own authentication.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class DashboardTests(ApiSilo silo)
{
    [Theory]
    [InlineData("/admin/orleans/")]
    [InlineData("/admin/orleans/version")]
    [InlineData("/admin/orleans/ClusterStats")]
    public async Task OnlyAnAdminReachesTheOrleansDashboard(string path)
    {
        // A browser without a session is sent to the console's sign-in, then back here.
        using var browser = silo.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var anonymous = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/console/sign-in?returnUrl=", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await silo.Officer().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await silo.Auditor().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await silo.As("operator", "zgc-01").GetAsync(path)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await silo.Admin().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AnAdminGetsTheDashboardPageAndItsApi()
    {
        var version = await silo.Admin().GetStringAsync("/admin/orleans/version");
        var page = await silo.Admin().GetStringAsync("/admin/orleans/");

        Assert.Contains("\"version\"", version, StringComparison.Ordinal);
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
    }
}
