using Cases.Domain.Housing;
using Cases.Domain.Rules;

namespace Cases.Domain.Tests.Housing;

public sealed class HousingOfficeTests
{
    private static readonly DateOnly May1 = new(2026, 5, 1);

    private static DeciderRun<HousingOfficeState, IHousingOfficeCommand, IHousingOfficeEvent> Office(params string[] units)
    {
        var run = new DeciderRun<HousingOfficeState, IHousingOfficeCommand, IHousingOfficeEvent>(new HousingOfficeDecider(new RuleSet()));
        return units.Length == 0 ? run : run.Send(new AddTransitionalUnits(units));
    }

    [Fact]
    public void AnApplicantGetsAFreeUnitForTheConfiguredTerm()
    {
        var office = Office("U1").Send(new AllocateTransitionalUnit("P-1", "RWP-1", May1));

        var allocated = office.Single<TransitionalUnitAllocated>();
        Assert.Equal(("P-1", "U1", May1, new DateOnly(2026, 11, 1)), (allocated.ApplicantKey, allocated.UnitId, allocated.From, allocated.Until));
    }

    [Fact]
    public void TheTermFollowsTheRuleSet()
    {
        var office = new DeciderRun<HousingOfficeState, IHousingOfficeCommand, IHousingOfficeEvent>(new HousingOfficeDecider(new RuleSet { TransitionalHousingMonths = 3 }))
            .Send(new AddTransitionalUnits(["U1"]))
            .Send(new AllocateTransitionalUnit("P-1", "RWP-1", May1));

        Assert.Equal(new DateOnly(2026, 8, 1), office.Single<TransitionalUnitAllocated>().Until);
    }

    [Fact]
    public void WhenEveryUnitIsTakenApplicantsWaitInArrivalOrder()
    {
        var office = Office("U1").Send(new AllocateTransitionalUnit("P-1", "RWP-1", May1));

        office.Send(new AllocateTransitionalUnit("P-2", "RWP-2", May1));
        Assert.Equal(1, office.Single<ApplicantWaitlisted>().Position);
        office.Send(new AllocateTransitionalUnit("P-3", "RWP-3", May1));
        Assert.Equal(2, office.Single<ApplicantWaitlisted>().Position);
    }

    [Fact]
    public void AReleasedUnitGoesToTheLongestWaitingApplicant()
    {
        var office = Office("U1")
            .Send(new AllocateTransitionalUnit("P-1", "RWP-1", May1))
            .Send(new AllocateTransitionalUnit("P-2", "RWP-2", May1))
            .Send(new AllocateTransitionalUnit("P-3", "RWP-3", May1));

        office.Send(new ReleaseTransitionalUnit("P-1", new DateOnly(2026, 6, 1), "permit revoked"));

        Assert.Collection(office.Last.Events,
            e => Assert.Equal(new TransitionalUnitReleased("P-1", "U1", new DateOnly(2026, 6, 1), "permit revoked"), e),
            e => Assert.Equal(("P-2", "U1"), (((TransitionalUnitAllocated)e).ApplicantKey, ((TransitionalUnitAllocated)e).UnitId)));
        Assert.Equal(["P-3"], office.State.Waitlist.Select(w => w.ApplicantKey));
    }

    [Fact]
    public void ExpiredTermsEndOnTheirLastDayAndNotBefore()
    {
        var office = Office("U1", "U2")
            .Send(new AllocateTransitionalUnit("P-1", "RWP-1", May1))
            .Send(new AllocateTransitionalUnit("P-2", "RWP-2", new DateOnly(2026, 5, 2)));

        office.Send(new EndExpiredTerms(new DateOnly(2026, 10, 31)));
        Assert.Empty(office.Last.Events);
        office.Send(new EndExpiredTerms(new DateOnly(2026, 11, 1)));

        Assert.Equal("P-1", office.Single<TransitionalUnitReleased>().ApplicantKey);
        Assert.Equal("P-2", office.State.UnitOf("P-2")?.Occupant);
    }

    [Fact]
    public void AnApplicantIsNeverHousedTwice()
    {
        var office = Office("U1", "U2").Send(new AllocateTransitionalUnit("P-1", "RWP-1", May1));

        office.Send(new AllocateTransitionalUnit("P-1", "RWP-1", May1));

        Assert.Equal("already-housed", office.Rejected().Code);
    }

    [Fact]
    public void ReleasingAWaitingApplicantTakesThemOffTheWaitlist()
    {
        var office = Office("U1")
            .Send(new AllocateTransitionalUnit("P-1", "RWP-1", May1))
            .Send(new AllocateTransitionalUnit("P-2", "RWP-2", May1));

        office.Send(new ReleaseTransitionalUnit("P-2", May1, "permit revoked"));

        Assert.Equal("P-2", office.Single<WaitlistEntryRemoved>().ApplicantKey);
        Assert.Empty(office.State.Waitlist);
    }

    [Fact]
    public void NewUnitsHouseTheLongestWaitingApplicantsFirst()
    {
        var office = Office("U1")
            .Send(new AllocateTransitionalUnit("P-1", "RWP-1", May1))
            .Send(new AllocateTransitionalUnit("P-2", "RWP-2", May1))
            .Send(new AllocateTransitionalUnit("P-3", "RWP-3", May1));

        office.Send(new AddTransitionalUnits(["U2"]));

        Assert.Equal(2, office.Last.Events.Count);
        Assert.Equal(("P-2", "U2"), (office.State.UnitOf("P-2")?.Occupant, office.State.UnitOf("P-2")?.UnitId));
        Assert.Equal(["P-3"], office.State.Waitlist.Select(w => w.ApplicantKey));
    }
}
