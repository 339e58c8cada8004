using Cases.Domain.Housing;
using Cases.Domain.Rules;

namespace Cases.Domain.Tests.Housing;

public sealed class HousingCaseTests
{
    private static readonly DateOnly Opened = new(2026, 3, 10);

    private static DeciderRun<HousingState, IHousingCommand, IHousingEvent> Case() =>
        new DeciderRun<HousingState, IHousingCommand, IHousingEvent>(new HousingDecider(new RuleSet()))
            .Send(new OpenHousingCase("RWP-1", "haidian", Opened), "stream:housing");

    [Fact]
    public void AnApprovedPermitOpensTransitionalHousingAndLaterRentalSubsidyEligibility()
    {
        var housing = Case();

        Assert.Equal(2, housing.Last.Events.Count);
        Assert.Equal(new RentalSubsidyEligibilityOpened("RWP-1", new DateOnly(2026, 9, 10)), housing.Last.Events[1]);
        Assert.True(housing.State.Eligible);
    }

    [Fact]
    public void RevocationEndsHousingAndSubsidyEligibility()
    {
        var housing = Case().Send(new RecordWaitlisted(4));

        housing.Send(new RevokeHousingEligibility("RWP-1", "permit revoked: employer certificate withdrawn"));

        Assert.Equal("permit revoked: employer certificate withdrawn", housing.Single<HousingEligibilityRevoked>().Reason);
        Assert.Equal((false, (DateOnly?)null, (int?)null), (housing.State.Eligible, housing.State.RentalSubsidyFrom, housing.State.WaitlistPosition));
        housing.Send(new ChooseLongTermHousing(LongTermHousing.RentalSubsidy, new DateOnly(2026, 12, 1)));
        Assert.Equal("not-eligible", housing.Rejected().Code);
    }

    [Fact]
    public void LongTermHousingStartsOnlyAfterTheTransitionalTerm()
    {
        var housing = Case();

        housing.Send(new ChooseLongTermHousing(LongTermHousing.TalentApartment, new DateOnly(2026, 9, 9)));
        Assert.Equal("too-early", housing.Rejected().Code);
        housing.Send(new ChooseLongTermHousing(LongTermHousing.TalentApartment, new DateOnly(2026, 9, 10)));
        Assert.Equal(LongTermHousing.TalentApartment, housing.State.LongTerm);
    }

    [Fact]
    public void AllocationsNeedAnOpenCase()
    {
        var housing = new DeciderRun<HousingState, IHousingCommand, IHousingEvent>(new HousingDecider(new RuleSet()));

        housing.Send(new RecordUnitAllocation("U1", Opened, Opened.AddMonths(6)));

        Assert.Equal("no-case", housing.Rejected().Code);
    }

    [Fact]
    public void RevokingAnotherPermitLeavesTheCaseAlone()
    {
        var housing = Case();

        housing.Send(new RevokeHousingEligibility("RWP-9", "wrong permit"));

        Assert.Equal("other-permit", housing.Rejected().Code);
        Assert.True(housing.State.Eligible);
    }

    [Fact]
    public void RevokingAPermitThatOpenedNoCaseChangesNothing()
    {
        var housing = new DeciderRun<HousingState, IHousingCommand, IHousingEvent>(new HousingDecider(new RuleSet()))
            .Send(new RevokeHousingEligibility("RWP-2019-0417", "permit revoked: imported in error"), "stream:housing");

        Assert.True(housing.Last.IsAccepted);
        Assert.Empty(housing.Last.Events);
        Assert.False(housing.State.IsOpen);
    }
}
