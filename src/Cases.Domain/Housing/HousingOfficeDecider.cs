using Cases.Domain.Rules;
using Cases.Journal.Events;
using Cases.Domain.Deciders;

namespace Cases.Domain.Housing;

/// <summary>A district housing office: its transitional-housing inventory, allocations and waitlist (returnee-measures-2024 item 10; Art. 23).</summary>
public sealed class HousingOfficeDecider(RuleSet rules) : Decider<HousingOfficeState, IHousingOfficeCommand, IHousingOfficeEvent>
{
    public const string Type = "housing-office";

    public override string GrainType => Type;

    public override HousingOfficeState Initial => HousingOfficeState.Empty;

    public override Decision<IHousingOfficeEvent> Decide(HousingOfficeState state, IHousingOfficeCommand command, CommandContext context) => command switch
    {
        AddTransitionalUnits add => AddUnits(state, add, context.Today),
        AllocateTransitionalUnit allocate => Allocate(state, allocate),
        ReleaseTransitionalUnit release => Release(state, release.ApplicantKey, release.On, release.Reason),
        EndExpiredTerms end => EndTerms(state, end.Today),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a housing-office command."),
    };

    public override HousingOfficeState Evolve(HousingOfficeState state, IHousingOfficeEvent @event) => @event switch
    {
        TransitionalUnitsAdded added => state with { Units = state.Units.AddRange(added.UnitIds.Select(id => new TransitionalUnit(id, null, null, null))) },
        TransitionalUnitAllocated a => state with
        {
            Units = state.Units.Replace(state.Units.Single(u => u.UnitId == a.UnitId), new TransitionalUnit(a.UnitId, a.ApplicantKey, a.PermitId, a.Until)),
            Waitlist = state.Waitlist.RemoveAll(w => w.ApplicantKey == a.ApplicantKey),
        },
        ApplicantWaitlisted w => state with { Waitlist = state.Waitlist.Add(new WaitlistEntry(w.ApplicantKey, w.PermitId)) },
        TransitionalUnitReleased r => state with
        {
            Units = state.Units.Replace(state.Units.Single(u => u.UnitId == r.UnitId), new TransitionalUnit(r.UnitId, null, null, null)),
        },
        WaitlistEntryRemoved removed => state with { Waitlist = state.Waitlist.RemoveAll(w => w.ApplicantKey == removed.ApplicantKey) },
        _ => state,
    };

    protected override void RegisterEvents(EventTypeRegistry<IHousingOfficeEvent> events)
    {
        events.Add<TransitionalUnitsAdded>();
        events.Add<TransitionalUnitAllocated>();
        events.Add<ApplicantWaitlisted>();
        events.Add<TransitionalUnitReleased>();
        events.Add<WaitlistEntryRemoved>();
    }

    // New units go first to whoever waits longest (item 10), from the day they are added.
    private Decision<IHousingOfficeEvent> AddUnits(HousingOfficeState state, AddTransitionalUnits add, DateOnly today)
    {
        var known = state.Units.Select(u => u.UnitId).ToHashSet(StringComparer.Ordinal);
        var repeated = add.UnitIds.FirstOrDefault(id => known.Contains(id) || add.UnitIds.Count(x => x == id) > 1);
        if (add.UnitIds.Count == 0 || add.UnitIds.Any(string.IsNullOrWhiteSpace))
            return Decision<IHousingOfficeEvent>.Reject("units-missing", "Name at least one unit, none of them blank.");
        if (repeated is not null)
            return Decision<IHousingOfficeEvent>.Reject("unit-exists", $"Unit {repeated} is already in the inventory.");
        var housed = add.UnitIds.Zip(state.Waitlist, (unit, waiting) => (IHousingOfficeEvent)AllocationOf(unit, waiting.ApplicantKey, waiting.PermitId, today));
        return Decision<IHousingOfficeEvent>.Accept([new TransitionalUnitsAdded(add.UnitIds), .. housed]);
    }

    // Item 10: short-term free transitional housing; when every unit is taken the applicant waits in arrival order.
    private Decision<IHousingOfficeEvent> Allocate(HousingOfficeState state, AllocateTransitionalUnit allocate)
    {
        if (state.UnitOf(allocate.ApplicantKey) is { } held)
            return Decision<IHousingOfficeEvent>.Reject("already-housed", $"Applicant {allocate.ApplicantKey} already holds unit {held.UnitId}.");
        if (state.IsWaiting(allocate.ApplicantKey))
            return Decision<IHousingOfficeEvent>.Reject("already-waiting", $"Applicant {allocate.ApplicantKey} is already on the waitlist.");
        return state.FirstFree is { } free
            ? Decision<IHousingOfficeEvent>.Accept(AllocationOf(free.UnitId, allocate.ApplicantKey, allocate.PermitId, allocate.From))
            : Decision<IHousingOfficeEvent>.Accept(new ApplicantWaitlisted(allocate.ApplicantKey, allocate.PermitId, state.Waitlist.Count + 1));
    }

    private Decision<IHousingOfficeEvent> Release(HousingOfficeState state, string applicantKey, DateOnly on, string reason)
    {
        if (state.IsWaiting(applicantKey))
            return Decision<IHousingOfficeEvent>.Accept(new WaitlistEntryRemoved(applicantKey, reason));
        if (state.UnitOf(applicantKey) is not { } unit)
            return Decision<IHousingOfficeEvent>.Accept(); // nothing held: releasing is already done
        return Decision<IHousingOfficeEvent>.Accept(HandOver(state, [unit], on, reason).ToArray());
    }

    // Art. 23 / item 10: the free term is short; at its end the unit goes to whoever waits longest.
    private Decision<IHousingOfficeEvent> EndTerms(HousingOfficeState state, DateOnly today)
    {
        var expired = state.Units.Where(u => u.Occupant is not null && u.Until <= today).ToList();
        return Decision<IHousingOfficeEvent>.Accept(HandOver(state, expired, today, "transitional term ended").ToArray());
    }

    private IEnumerable<IHousingOfficeEvent> HandOver(HousingOfficeState state, IReadOnlyList<TransitionalUnit> units, DateOnly on, string reason)
    {
        var waiting = state.Waitlist;
        foreach (var unit in units)
        {
            yield return new TransitionalUnitReleased(unit.Occupant!, unit.UnitId, on, reason);
            if (waiting.IsEmpty)
                continue;
            yield return AllocationOf(unit.UnitId, waiting[0].ApplicantKey, waiting[0].PermitId, on);
            waiting = waiting.RemoveAt(0);
        }
    }

    private TransitionalUnitAllocated AllocationOf(string unitId, string applicantKey, string permitId, DateOnly from) =>
        new(applicantKey, permitId, unitId, from, from.AddMonths(rules.TransitionalHousingMonths));
}
