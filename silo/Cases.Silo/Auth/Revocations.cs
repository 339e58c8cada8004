using Cases.Domain.Audit;
using Cases.Grains.Contracts;

namespace Cases.Silo.Auth;

/// <summary>Asks the service's revocation list about a credential; every authenticated request goes through here.</summary>
public static class Revocations
{
    public static ITokenRevocationsGrain List(IGrainFactory grains) => grains.GetGrain<ITokenRevocationsGrain>(TokenRevocationsDecider.ServiceKey);

    /// <summary>Whether the credential was revoked by id, or with every token its subject was issued up to its authentication.</summary>
    public static Task<bool> RevokedAsync(HttpContext http, IEnumerable<string> tokenIds, Caller caller, DateTimeOffset authenticatedAt) =>
        List(http.RequestServices.GetRequiredService<IGrainFactory>()).Revokes([.. tokenIds], caller.Role, caller.Subject, authenticatedAt);
}
