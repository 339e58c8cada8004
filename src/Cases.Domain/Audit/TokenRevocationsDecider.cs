using Cases.Domain.Deciders;
using Cases.Journal.Events;

namespace Cases.Domain.Audit;

/// <summary>The service's list of revoked bearer tokens and of subjects whose earlier tokens are all revoked; every request is checked against it.</summary>
/// <remarks>A revoked token's entry is dropped once the token would have expired anyway, so the list stays as small as the tokens still alive.</remarks>
public sealed class TokenRevocationsDecider : Decider<TokenRevocationsState, ITokenRevocationCommand, ITokenRevocationEvent>
{
    public const string Type = "token-revocations";

    /// <summary>The key of the one revocation list of a service.</summary>
    public const string ServiceKey = "service";

    public override string GrainType => Type;

    public override TokenRevocationsState Initial => TokenRevocationsState.Empty;

    public override Decision<ITokenRevocationEvent> Decide(TokenRevocationsState state, ITokenRevocationCommand command, CommandContext context)
    {
        if (!context.ByAdmin && command is not EndSession)
            return Decision<ITokenRevocationEvent>.Reject("not-allowed", "Only an admin may revoke tokens.");
        return command switch
        {
            RevokeToken { Reason: var r } when string.IsNullOrWhiteSpace(r) => Decision<ITokenRevocationEvent>.Reject("reason-required", "A revocation must say why."),
            RevokeSubjectTokens { Reason: var r } when string.IsNullOrWhiteSpace(r) => Decision<ITokenRevocationEvent>.Reject("reason-required", "A revocation must say why."),
            RevokeToken c => Decision<ITokenRevocationEvent>.Accept(new TokenRevoked(c.TokenId, c.ExpiresAt, context.Actor, c.Reason, context.Now)),
            EndSession c => Decision<ITokenRevocationEvent>.Accept(new TokenRevoked(c.TokenId, c.ExpiresAt, context.Actor, "signed out", context.Now)),
            RevokeSubjectTokens c => Decision<ITokenRevocationEvent>.Accept(new SubjectTokensRevoked(c.Role, c.Subject, context.Actor, c.Reason, context.Now)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown revocation command."),
        };
    }

    public override TokenRevocationsState Evolve(TokenRevocationsState state, ITokenRevocationEvent @event) => @event switch
    {
        TokenRevoked e => state.Pruned(e.At) is var live ? live with { Tokens = live.Tokens.SetItem(e.TokenId, e.ExpiresAt) } : state,
        SubjectTokensRevoked e => state.Pruned(e.At) is var live
            ? live with { SubjectsRevokedBefore = live.SubjectsRevokedBefore.SetItem(TokenRevocationsState.SubjectKey(e.Role, e.Subject), e.At) }
            : state,
        _ => state,
    };

    protected override void RegisterEvents(EventTypeRegistry<ITokenRevocationEvent> events)
    {
        events.Add<TokenRevoked>();
        events.Add<SubjectTokensRevoked>();
    }
}
