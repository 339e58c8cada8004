using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cases.Silo.Tests.Security;

/// <summary>A minimal OpenID Connect authority on a loopback port: discovery, a JWKS with one RSA key, and tokens it signs.</summary>
public sealed class TestAuthority : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;

    private TestAuthority(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
    }

    /// <summary>The authority's issuer, e.g. http://127.0.0.1:40123/realms/city.</summary>
    public string Issuer { get; private set; } = "";

    public static async Task<TestAuthority> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var rsa = RSA.Create(2048);
        var authority = new TestAuthority(app, new RsaSecurityKey(rsa) { KeyId = "city-sso-1" });
        app.MapGet("/realms/city/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority.Issuer,
            ["jwks_uri"] = $"{authority.Issuer}/protocol/openid-connect/certs",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/realms/city/protocol/openid-connect/certs", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "city-sso-1" });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        authority.Issuer = $"{address.TrimEnd('/')}/realms/city";
        return authority;
    }

    /// <summary>An access token signed by the authority (or by another key, to forge one) with the given claims.</summary>
    public string Token(string audience, Dictionary<string, object> claims, bool forged = false) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = claims,
            SigningCredentials = new SigningCredentials(forged ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = "city-sso-1" } : _key, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
