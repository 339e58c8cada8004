using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Cases.Silo.Auth;
using Cases.Silo.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cases.Silo.Tests.Security;

/// <summary>The silo's tokens are standard JWTs, and JwtBearer refuses every token that is not exactly one it issued, as 401.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class TokenTests(ApiSilo silo)
{
    private TokenService Tokens => silo.Factory.Services.GetRequiredService<TokenService>();

    [Fact]
    public async Task AnIssuedTokenIsAStandardJwtNamingIssuerAudienceLifetimeAndKey()
    {
        var token = Tokens.Issue(Roles.Officer, "wang", TimeSpan.FromHours(1));

        var jwt = new JsonWebToken(token);

        Assert.Equal("HS256", jwt.Alg);
        Assert.False(string.IsNullOrEmpty(jwt.Kid));
        Assert.Equal(TokenService.Issuer, jwt.Issuer);
        Assert.Equal([TokenService.ApiAudience], jwt.Audiences);
        Assert.Equal("wang", jwt.Subject);
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(token)).StatusCode);
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("role")]
    [InlineData("jti")]
    public async Task ASignedTokenLackingARequiredClaimIs401(string missing)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "wang", ["role"] = "officer", ["jti"] = "t-1" };
        claims.Remove(missing);

        var response = await CallAsync(Mint(claims));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ASignedTokenWithAnUnknownRoleIs401()
    {
        var response = await CallAsync(Mint(new() { ["sub"] = "wang", ["role"] = "superuser", ["jti"] = "t-2" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("urn:someone-else", TokenService.ApiAudience)]
    [InlineData(TokenService.Issuer, "urn:another-service")]
    [InlineData(TokenService.Issuer, TokenService.ConsoleAudience)]
    public async Task ATokenForAnotherIssuerOrAudienceIs401(string issuer, string audience)
    {
        var response = await CallAsync(Mint(new() { ["sub"] = "wang", ["role"] = "admin", ["jti"] = "t-3" }, issuer, audience));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnExpiredTokenIs401()
    {
        var token = Tokens.Issue(Roles.Admin, "root", DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromHours(1)).Token;

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(token)).StatusCode);
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIs401()
    {
        var other = new TokenService(new byte[32], TimeProvider.System).Issue(Roles.Admin, "root", TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(other)).StatusCode);
    }

    [Fact]
    public async Task ASignatureHasOneSpelling()
    {
        var token = Tokens.Issue(Roles.Officer, "wang", TimeSpan.FromHours(1));
        var signature = token[(token.LastIndexOf('.') + 1)..];
        // 32 bytes take 43 base64url characters; the last one's two low bits are spare, so flipping them decodes to the same bytes.
        var last = signature[^1];
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var sameBytes = alphabet[alphabet.IndexOf(last) ^ 1];
        var respelled = token[..^1] + sameBytes;
        Assert.Equal(Lenient(signature), Lenient(respelled[(respelled.LastIndexOf('.') + 1)..]));

        Assert.Equal(HttpStatusCode.OK, (await CallAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(respelled)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(token + "=")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(" " + token.Replace(".", ". ", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task AnUnsignedTokenIs401()
    {
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenService.Issuer, Audience = TokenService.ApiAudience, Expires = DateTime.UtcNow.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("sub", "root"), new Claim("role", "admin"), new Claim("jti", "t-4")]),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(unsigned)).StatusCode);
    }

    // .NET's own base64 decoder ignores the spare bits, as many JWT libraries do.
    private static byte[] Lenient(string base64Url) =>
        Convert.FromBase64String(base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - base64Url.Length % 4) % 4));

    private string Mint(Dictionary<string, object> claims, string issuer = TokenService.Issuer, string audience = TokenService.ApiAudience) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(Tokens.SigningKey, SecurityAlgorithms.HmacSha256),
        });

    private async Task<HttpResponseMessage> CallAsync(string token)
    {
        var client = silo.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        var response = await client.GetAsync("/auth/me");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return response;
    }
}
