using Cases.Domain.Audit;
using Orleans;
using Orleans.Concurrency;

namespace Cases.Grains.Contracts;

/// <summary>The service's token revocation list (one grain, key "service"), asked on every authenticated request.</summary>
public interface ITokenRevocationsGrain : IDeciderGrain<TokenRevocationsState, ITokenRevocationCommand>
{
    /// <summary>Whether any of these token ids is revoked, or every token of this role and subject issued up to this instant.</summary>
    [AlwaysInterleave]
    Task<bool> Revokes(string[] tokenIds, string role, string subject, DateTimeOffset issuedAt);
}
