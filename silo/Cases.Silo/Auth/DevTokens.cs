using Microsoft.Extensions.Options;

namespace Cases.Silo.Auth;

/// <summary>In dev mode (the embedded default), prints a token for each staff role at start, so a new user can call the API at once.</summary>
public sealed class DevTokens(TokenService tokens, IOptions<AuthSettings> options, ILogger<DevTokens> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.DevMode)
            return Task.CompletedTask;
        var lifetime = settings.StaffTokenLifetime;
        var lines = new[]
        {
            ("admin", tokens.Issue(Roles.Admin, "dev", lifetime)),
            ("officer", tokens.Issue(Roles.Officer, "dev", lifetime)),
            ("auditor", tokens.Issue(Roles.Auditor, "dev", lifetime)),
            ("operator of park zgc-01", tokens.Issue(Roles.Operator, "zgc-01", lifetime)),
        };
        foreach (var (who, token) in lines)
            logger.LogWarning("Dev token for {Who} (valid {Hours} h): {Token}", who, lifetime.TotalHours, token);
        logger.LogWarning("Applicants get their own token in the answer to POST /applicants; an admin issues others with POST /auth/tokens. Pass 'Authorization: Bearer <token>'.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
