using Cases.Domain.Rules;
using Cases.Journal.Events;
using Cases.Domain.Deciders;

namespace Cases.Domain.Housing;

/// <summary>An applicant's housing case: transitional housing, then rental subsidy or talent apartment, ended by revocation (item 10; Art. 23).</summary>
public sealed class HousingDecider(RuleSet rules) : Decider<HousingState, IHousingCommand, IHousingEvent>
{
    public const string Type = "housing";

    public override string GrainType => Type;

    public override HousingState Initial => HousingState.None;

    public override Decision<IHousingEvent> Decide(HousingState state, IHousingCommand command, CommandContext context) => command switch
    {
        OpenHousingCase open => Open(state, open),
        // No case at all: the permit opened none (an imported one), so its revocation has nothing to end.
        RevokeHousingEligibility when !state.IsOpen => Decision<IHousingEvent>.Accept(),
        RevokeHousingEligibility revoke when state.PermitId != revoke.PermitId =>
            Decision<IHousingEvent>.Reject("other-permit", $"The housing case rests on permit {state.PermitId ?? "(none)"}, not {revoke.PermitId}."),
        RevokeHousingEligibility revoke when !state.Eligible => Decision<IHousingEvent>.Accept(), // already ended
        RevokeHousingEligibility revoke => Decision<IHousingEvent>.Accept(new HousingEligibilityRevoked(revoke.PermitId, revoke.Reason)),
        _ when !state.IsOpen => Decision<IHousingEvent>.Reject("no-case", "No housing case is open; it opens when a permit is approved."),
        RecordUnitAllocation a => Decision<IHousingEvent>.Accept(new TransitionalHousingAllocated(a.UnitId, a.From, a.Until)),
        RecordWaitlisted w => Decision<IHousingEvent>.Accept(new TransitionalHousingWaitlisted(w.Position)),
        RecordUnitReleased r => Decision<IHousingEvent>.Accept(new TransitionalHousingEnded(r.UnitId, r.On, r.Reason)),
        ChooseLongTermHousing choose => Choose(state, choose),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a housing command."),
    };

    public override HousingState Evolve(HousingState state, IHousingEvent @event) => @event switch
    {
        HousingCaseOpened o => HousingState.None with { PermitId = o.PermitId, District = o.District, Eligible = true },
        RentalSubsidyEligibilityOpened r => state with { RentalSubsidyFrom = r.EligibleFrom },
        TransitionalHousingAllocated a => state with { UnitId = a.UnitId, UnitFrom = a.From, UnitUntil = a.Until, WaitlistPosition = null },
        TransitionalHousingWaitlisted w => state with { WaitlistPosition = w.Position },
        TransitionalHousingEnded => state with { UnitId = null, UnitFrom = null, UnitUntil = null },
        HousingEligibilityRevoked r => state with { Eligible = false, RentalSubsidyFrom = null, WaitlistPosition = null, LongTerm = null, RevocationReason = r.Reason },
        LongTermHousingChosen c => state with { LongTerm = c.Kind },
        _ => state,
    };

    protected override void RegisterEvents(EventTypeRegistry<IHousingEvent> events)
    {
        events.Add<HousingCaseOpened>();
        events.Add<RentalSubsidyEligibilityOpened>();
        events.Add<TransitionalHousingAllocated>();
        events.Add<TransitionalHousingWaitlisted>();
        events.Add<TransitionalHousingEnded>();
        events.Add<HousingEligibilityRevoked>();
        events.Add<LongTermHousingChosen>();
    }

    // Item 10: transitional housing first, then rental subsidy or a talent apartment once the free term is over.
    private Decision<IHousingEvent> Open(HousingState state, OpenHousingCase open)
    {
        if (state.IsOpen && state.Eligible)
            return Decision<IHousingEvent>.Reject("case-open", $"A housing case under permit {state.PermitId} is already open.");
        return Decision<IHousingEvent>.Accept(
            new HousingCaseOpened(open.PermitId, open.District, open.OpenedOn),
            new RentalSubsidyEligibilityOpened(open.PermitId, open.OpenedOn.AddMonths(rules.TransitionalHousingMonths)));
    }

    private static Decision<IHousingEvent> Choose(HousingState state, ChooseLongTermHousing choose)
    {
        if (!state.Eligible)
            return Decision<IHousingEvent>.Reject("not-eligible", $"Housing eligibility ended: {state.RevocationReason}.");
        if (choose.On < state.RentalSubsidyFrom)
            return Decision<IHousingEvent>.Reject("too-early", $"Long-term housing starts after the transitional term, on {state.RentalSubsidyFrom:yyyy-MM-dd}.");
        return Decision<IHousingEvent>.Accept(new LongTermHousingChosen(choose.Kind, choose.On));
    }
}
