using Cases.Domain.Rules;
using Cases.Domain.Subsidies;
using Cases.Domain.Tests.Enterprises;

namespace Cases.Domain.Tests.Subsidies;

/// <summary>Art. 6 start-up grant requests that reach the programme before it is opened: they wait on its record and the opening decides them.</summary>
public sealed class WaitingGrantTests
{
    private const string Streams = "system:streams";

    private static DeciderScenario<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent> Unopened(RuleSet? rules = null) =>
        new(new SubsidyProgramDecider(rules ?? new RuleSet()));

    private static List<ISubsidyProgramEvent> Open(DeciderScenario<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent> scenario, long budget)
    {
        var decision = scenario.Send(new OpenProgramme(2026, budget));
        Assert.True(decision.IsAccepted, decision.Rejection?.ToString());
        Assert.IsType<ProgrammeOpened>(decision.Events[0]);
        return [.. decision.Events.Skip(1)];
    }

    [Fact]
    public void ARequestBeforeTheOpeningWaitsOnTheProgrammesRecord()
    {
        var scenario = Unopened(new RuleSet { Version = "test-7" });

        var waiting = scenario.Accept<GrantRequestWaiting>(new RequestStartupGrant("ent-1"), Streams);

        Assert.Equal(("ent-1", new DateOnly(2026, 3, 16), "test-7"), (waiting.EnterpriseKey, waiting.RequestedOn, waiting.RuleSetVersion));
        Assert.Equal([new WaitingGrantRequest("ent-1", new DateOnly(2026, 3, 16))], scenario.State.WaitingRequests);
        Assert.False(scenario.State.IsOpen);
        Assert.Empty(scenario.State.Grants);
    }

    [Fact]
    public void PaymentsAndLoanCommitmentsBeforeTheOpeningAreStillRejected()
    {
        var scenario = Unopened();

        Assert.Equal("programme-not-open", scenario.Reject(new PayGrant("ent-1")));
        Assert.Equal("programme-not-open", scenario.Reject(new CommitLoanInterestSubsidy("ent-1", "L-1", 10)));
    }

    [Fact]
    public void OpeningGrantsTheWaitingRequestsInTheOrderTheyWereRecorded()
    {
        var scenario = Unopened();
        foreach (var key in new[] { "ent-c", "ent-a", "ent-b" })
            scenario.Accept<GrantRequestWaiting>(new RequestStartupGrant(key), Streams);

        var decided = Open(scenario, 1_000_000);

        var awards = decided.Select(e => Assert.IsType<GrantAwarded>(e)).ToList();
        Assert.Equal(["ent-c", "ent-a", "ent-b"], awards.Select(a => a.EnterpriseKey));
        Assert.Equal([900_000L, 800_000L, 700_000L], awards.Select(a => a.RemainingBudgetCny));
        Assert.All(awards, a => Assert.Equal((100_000L, new DateOnly(2026, 3, 16)), (a.AmountCny, a.AwardedOn)));
        Assert.Empty(scenario.State.WaitingRequests);
        Assert.Equal(300_000, scenario.State.CommittedCny);
    }

    [Theory]
    [InlineData(300_000, 3)]
    [InlineData(299_999, 2)]
    [InlineData(0, 0)]
    public void OpeningFundsTheWaitingRequestsTheBudgetCoversAndRefusesTheRestWithTheirReason(long budget, int funded)
    {
        var scenario = Unopened();
        for (var i = 1; i <= 4; i++)
            scenario.Accept<GrantRequestWaiting>(new RequestStartupGrant($"ent-{i}"), Streams);

        var decided = Open(scenario, budget);

        Assert.Equal(4, decided.Count);
        Assert.All(decided.Take(funded), e => Assert.IsType<GrantAwarded>(e));
        var left = budget - (funded * 100_000L);
        var refusals = decided.Skip(funded).Select(e => Assert.IsType<GrantRefused>(e)).ToList();
        Assert.Equal(Enumerable.Range(funded + 1, 4 - funded).Select(i => $"ent-{i}"), refusals.Select(r => r.EnterpriseKey));
        Assert.All(refusals, r => Assert.Equal(
            (left, $"The remaining budget of CNY {left} does not cover a start-up grant of CNY 100000."), (r.RemainingBudgetCny, r.Reason)));
        Assert.Equal((left, 4 - funded), (scenario.State.RemainingBudgetCny, scenario.State.GrantsRefused));
        Assert.Empty(scenario.State.WaitingRequests);
    }

    [Fact]
    public void ARepeatedRequestIsGrantedOnlyOnce()
    {
        var scenario = Unopened();
        scenario.Accept<GrantRequestWaiting>(new RequestStartupGrant("ent-1"), Streams);

        Assert.Equal("grant-already-waiting", scenario.Reject(new RequestStartupGrant("ent-1"), Streams));
        var decided = Open(scenario, 1_000_000);
        Assert.Equal("grant-already-awarded", scenario.Reject(new RequestStartupGrant("ent-1"), Streams));

        Assert.Equal("ent-1", Assert.IsType<GrantAwarded>(Assert.Single(decided)).EnterpriseKey);
        Assert.Equal(100_000, scenario.State.CommittedCny);
    }

    [Fact]
    public void OpeningWithoutWaitingRequestsOnlyOpens()
    {
        var scenario = Unopened();

        Assert.Empty(Open(scenario, 500_000));
        Assert.Equal(500_000, scenario.State.RemainingBudgetCny);
    }
}
