using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cases.Silo.Auth;

/// <summary>Authenticates "Authorization: Bearer {token}" with the silo's <see cref="TokenService"/>.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CasesToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.Fail("Use 'Authorization: Bearer <token>'."));
        if (tokens.Validate(header["Bearer ".Length..].Trim()) is not { } caller)
            return Task.FromResult(AuthenticateResult.Fail("The token is malformed, forged or expired."));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, caller.Role), new Claim(Roles.SubjectClaim, caller.Subject), new Claim(ClaimTypes.Name, caller.Actor)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
