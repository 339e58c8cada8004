using Cases.Silo.WebConsole;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Cases.Silo.Auth;

/// <summary>Wires authentication: Data Protection, the silo's own JWTs, an optional external OpenID Connect authority, and the console's ticket.</summary>
public static class AuthHosting
{
    /// <summary>The default scheme: picks the silo's own or the external authority's scheme by the token's issuer.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>JwtBearer over the silo's own API tokens.</summary>
    public const string LocalScheme = "CasesToken";

    /// <summary>JwtBearer over the external authority's access tokens (when "Cases:Auth:Authority" is set).</summary>
    public const string ExternalScheme = "ExternalAuthority";

    /// <summary>JwtBearer over the console's ticket cookie.</summary>
    public const string ConsoleScheme = "CasesConsole";

    public static WebApplicationBuilder AddCasesAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        PrivateFiles.RestrictNewFiles();
        // Bound when first read, so test and deployment configuration applies.
        services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.Section);
        services.AddCasesDataProtection();
        services.AddSingleton(sp => new TokenService(SigningKey(sp), sp.GetRequiredService<TimeProvider>()));

        services.AddAuthentication(BearerScheme)
            .AddPolicyScheme(BearerScheme, "Bearer token", o => o.ForwardDefaultSelector = SchemeFor)
            .AddJwtBearer(LocalScheme, _ => { })
            .AddJwtBearer(ConsoleScheme, _ => { })
            .AddJwtBearer(ExternalScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(LocalScheme).Configure<TokenService>((o, tokens) => Own(o, tokens, TokenService.ApiAudience, BearerEvents.Local()));
        services.AddOptions<JwtBearerOptions>(ConsoleScheme).Configure<TokenService, IOptions<AuthSettings>>((o, tokens, settings) =>
            Own(o, tokens, TokenService.ConsoleAudience, ConsoleTicketEvents.Create(settings.Value)));
        services.AddOptions<JwtBearerOptions>(ExternalScheme).Configure<IOptions<AuthSettings>>((o, settings) => External(o, settings.Value));
        services.AddHostedService<DevTokens>();
        return builder;
    }

    private static void Own(JwtBearerOptions options, TokenService tokens, string audience, JwtBearerEvents events)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = tokens.ValidationFor(audience);
        options.Events = events;
    }

    // Never chosen while no authority is configured (see SchemeFor).
    private static void External(JwtBearerOptions options, AuthSettings settings)
    {
        if (string.IsNullOrEmpty(settings.Authority))
            return;
        options.Authority = settings.Authority;
        options.Audience = settings.Audience ?? throw new InvalidOperationException("Cases:Auth:Authority is set but Cases:Auth:Audience is not.");
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.RequireExpirationTime = true;
        options.TokenValidationParameters.RequireSignedTokens = true;
        options.Events = ExternalBearerEvents.For(settings);
    }

    // Only the issuer is read before validation, to choose which scheme validates; the chosen scheme checks everything.
    private static string SchemeFor(HttpContext http)
    {
        if (string.IsNullOrEmpty(http.RequestServices.GetRequiredService<IOptions<AuthSettings>>().Value.Authority))
            return LocalScheme;
        var token = BearerEvents.TokenIn(http.Request);
        try
        {
            return token is not null && TokenSpelling.IsCanonical(token) && new JsonWebToken(token).Issuer != TokenService.Issuer ? ExternalScheme : LocalScheme;
        }
        catch (ArgumentException)
        {
            return LocalScheme;
        }
    }

    // A data folder that cannot hold the key (health reports the folder) gives a key for this run only rather than no silo.
    private static byte[] SigningKey(IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<AuthSettings>>().Value;
        var dataFolder = CasesHostingExtensions.DataDirectory(services);
        try
        {
            return SigningKeys.Load(settings, services.GetRequiredService<IDataProtectionProvider>(), dataFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            services.GetRequiredService<ILogger<TokenService>>().LogError(e, "No signing key could be kept in {Folder}; using one for this run only", dataFolder);
            return System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        }
    }
}
