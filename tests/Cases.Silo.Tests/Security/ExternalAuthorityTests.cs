using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Silo.Tests.Security;

/// <summary>A silo trusting a city's single sign-on: its access tokens work with their roles mapped, and nothing else of its issuer does.</summary>
public sealed class ExternalAuthorityTests : IAsyncLifetime
{
    private const string Audience = "cases-api";
    private readonly TempFolder _folder = new();
    private TestAuthority _authority = null!;
    private SiloFactory _silo = null!;

    public async Task InitializeAsync()
    {
        _authority = await TestAuthority.StartAsync();
        _silo = SiloFactory.WithDataDirectory(Path.Combine(_folder.Path, "data"),
            ("Cases:Auth:DevMode", "false"),
            ("Cases:Auth:Authority", _authority.Issuer),
            ("Cases:Auth:Audience", Audience),
            ("Cases:Auth:RequireHttpsMetadata", "false"),
            ("Cases:Auth:SubjectClaim", "preferred_username"),
            ("Cases:Auth:RoleClaim", "groups"),
            ("Cases:Auth:RoleMap:talent-centre-officers", "officer"),
            ("Cases:Auth:RoleMap:park-operators", "operator"));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _authority.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AnOfficerSignedInWithTheCitysSsoActsAsAnOfficer()
    {
        var token = _authority.Token(Audience, new() { ["sub"] = "0f3a", ["preferred_username"] = "wang.li", ["groups"] = new[] { "staff", "talent-centre-officers" } });

        var me = await CallAsync(token);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var caller = await me.Content.ReadFromJsonAsync<CallerBody>();
        Assert.Equal(new CallerBody("officer", "wang.li"), caller);
    }

    [Fact]
    public async Task AnOperatorIsScopedToTheParkItsTokenNames()
    {
        var token = _authority.Token(Audience, new() { ["preferred_username"] = "chen", ["groups"] = "park-operators", ["park"] = "zgc-01" });

        var caller = await (await CallAsync(token)).Content.ReadFromJsonAsync<CallerBody>();

        Assert.Equal(new CallerBody("operator", "zgc-01"), caller);
    }

    [Theory]
    [InlineData("wrong-audience")]
    [InlineData("unmapped-role")]
    [InlineData("no-subject")]
    [InlineData("operator-without-park")]
    [InlineData("forged")]
    public async Task TokensTheSiloMustNotTrustAre401(string fault)
    {
        var claims = new Dictionary<string, object> { ["preferred_username"] = "wang.li", ["groups"] = "talent-centre-officers" };
        if (fault == "unmapped-role")
            claims["groups"] = "everyone";
        if (fault == "no-subject")
            claims.Remove("preferred_username");
        if (fault == "operator-without-park")
            claims["groups"] = "park-operators";
        var token = _authority.Token(fault == "wrong-audience" ? "another-app" : Audience, claims, forged: fault == "forged");

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(token)).StatusCode);
    }

    [Fact]
    public async Task TheSilosOwnTokensStillWork()
    {
        var token = _silo.Services.GetRequiredService<Cases.Silo.Auth.TokenService>().Issue("auditor", "sun", TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.OK, (await CallAsync(token)).StatusCode);
    }

    private async Task<HttpResponseMessage> CallAsync(string token)
    {
        var client = _silo.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/auth/me");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return response;
    }

    private sealed record CallerBody(string Role, string Subject);
}
