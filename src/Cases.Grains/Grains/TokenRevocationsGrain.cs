using Cases.Domain;
using Cases.Domain.Audit;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;

namespace Cases.Grains.Grains;

/// <summary>The Orleans grain of grain type "token-revocations", hosting <see cref="TokenRevocationsDecider"/> over its journal stream.</summary>
[GrainType(TokenRevocationsDecider.Type)]
public sealed class TokenRevocationsGrain(Programme programme, GrainJournal journal)
    : DeciderGrain<TokenRevocationsState, ITokenRevocationCommand, ITokenRevocationEvent>(programme.TokenRevocations, programme.Rules.Calendar, journal), ITokenRevocationsGrain
{
    /// <inheritdoc />
    public async Task<bool> Revokes(string[] tokenIds, string role, string subject, DateTimeOffset issuedAt) =>
        (await GetState()).State.Revokes(tokenIds, role, subject, issuedAt);
}
