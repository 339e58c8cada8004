using Cases.Domain.Rules;
using Cases.Domain.Subsidies;
using Cases.Domain.Tests.Enterprises;

namespace Cases.Domain.Tests.Subsidies;

public sealed class SubsidyProgramGrainTests
{
    private const string Streams = "system:streams";

    private static DeciderScenario<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent> Opened(long budget, RuleSet? rules = null)
    {
        var scenario = new DeciderScenario<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent>(new SubsidyProgramDecider(rules ?? new RuleSet()));
        scenario.Accept<ProgrammeOpened>(new OpenProgramme(2026, budget));
        return scenario;
    }

    [Fact]
    public void OnlyAnOfficerOpensAProgrammeAndOnlyOnce()
    {
        var scenario = new DeciderScenario<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent>(new SubsidyProgramDecider(new RuleSet()));

        Assert.Equal("not-an-officer", scenario.Reject(new OpenProgramme(2026, 1_000_000), Streams));
        scenario.Accept<ProgrammeOpened>(new OpenProgramme(2026, 1_000_000));
        Assert.Equal("already-open", scenario.Reject(new OpenProgramme(2026, 2_000_000)));
    }

    [Fact]
    public void AGrantPaysTheRuleSetAmountUntilTheBudgetNoLongerCoversOne()
    {
        var scenario = Opened(250_000);

        var first = scenario.Accept<GrantAwarded>(new RequestStartupGrant("ent-1"), Streams);
        var second = scenario.Accept<GrantAwarded>(new RequestStartupGrant("ent-2"), Streams);
        var third = scenario.Accept<GrantRefused>(new RequestStartupGrant("ent-3"), Streams);

        Assert.Equal((100_000L, 150_000L), (first.AmountCny, first.RemainingBudgetCny));
        Assert.Equal(50_000, second.RemainingBudgetCny);
        Assert.Equal(("ent-3", 50_000L), (third.EnterpriseKey, third.RemainingBudgetCny));
        Assert.Equal(50_000, scenario.State.RemainingBudgetCny);
    }

    [Fact]
    public void TheGrantAmountAndRecordedVersionComeFromTheRuleSet()
    {
        var scenario = Opened(100_000, new RuleSet { Version = "test-3", StartupGrantCny = 40_000 });

        var awarded = scenario.Accept<GrantAwarded>(new RequestStartupGrant("ent-1"), Streams);

        Assert.Equal((40_000L, 60_000L, "test-3"), (awarded.AmountCny, awarded.RemainingBudgetCny, awarded.RuleSetVersion));
    }

    [Fact]
    public void ASecondRequestForAnAwardedEnterpriseIsRejectedAndPaysNothing()
    {
        var scenario = Opened(1_000_000);
        scenario.Accept<GrantAwarded>(new RequestStartupGrant("ent-1"), Streams);

        Assert.Equal("grant-already-awarded", scenario.Reject(new RequestStartupGrant("ent-1"), Streams));
        Assert.Equal(900_000, scenario.State.RemainingBudgetCny);
    }

    [Fact]
    public void AnAwardedGrantIsPaidOnceByAnOfficer()
    {
        var scenario = Opened(1_000_000);
        scenario.Accept<GrantAwarded>(new RequestStartupGrant("ent-1"), Streams);

        Assert.Equal("not-an-officer", scenario.Reject(new PayGrant("ent-1"), Streams));
        Assert.Equal("grant-not-awarded", scenario.Reject(new PayGrant("ent-2")));
        var paid = scenario.Accept<GrantPaid>(new PayGrant("ent-1"));
        Assert.Equal("grant-already-paid", scenario.Reject(new PayGrant("ent-1")));

        Assert.Equal(100_000, paid.AmountCny);
        Assert.Equal((100_000L, 900_000L), (scenario.State.PaidCny, scenario.State.RemainingBudgetCny));
    }

    [Fact]
    public void LoanInterestSubsidiesDrawOnTheSameBudgetAsGrants()
    {
        var scenario = Opened(150_000);
        Queue(scenario, "ent-1", "L-1", 60_000);
        Queue(scenario, "ent-3", "L-9", 90_001);

        var committed = scenario.Accept<LoanInterestSubsidyCommitted>(new CommitLoanInterestSubsidy("ent-1", "L-1"));
        var refusedGrant = scenario.Accept<GrantRefused>(new RequestStartupGrant("ent-2"), Streams);
        var refusedLoan = scenario.Accept<LoanInterestSubsidyRefused>(new CommitLoanInterestSubsidy("ent-3", "L-9"));

        Assert.Equal(90_000, committed.RemainingBudgetCny);
        Assert.Equal(90_000, refusedGrant.RemainingBudgetCny);
        Assert.Equal(90_000, refusedLoan.RemainingBudgetCny);
        Assert.Equal(90_000, scenario.State.RemainingBudgetCny);
    }

    [Fact]
    public void LoanSubsidiesArePaidInPartsNeverBeyondTheCommitment()
    {
        var scenario = Opened(1_000_000);
        Queue(scenario, "ent-1", "L-1", 60_000);
        scenario.Accept<LoanInterestSubsidyCommitted>(new CommitLoanInterestSubsidy("ent-1", "L-1", 60_000));

        scenario.Accept<LoanInterestSubsidyPaid>(new PayLoanInterestSubsidy("ent-1", "L-1", 20_000));
        Assert.Equal("amount-invalid", scenario.Reject(new PayLoanInterestSubsidy("ent-1", "L-1", 40_001)));
        scenario.Accept<LoanInterestSubsidyPaid>(new PayLoanInterestSubsidy("ent-1", "L-1", 40_000));

        var commitment = scenario.State.LoanSubsidies[SubsidyProgramState.LoanKey("ent-1", "L-1")];
        Assert.Equal((60_000L, 0L, true), (commitment.PaidCny, commitment.RemainingCny, commitment.FullyPaid));
        Assert.Equal("loan-not-committed", scenario.Reject(new PayLoanInterestSubsidy("ent-1", "L-2", 1)));
        Assert.Equal("loan-already-committed", scenario.Reject(new CommitLoanInterestSubsidy("ent-1", "L-1", 5)));
    }

    // A reviewed enterprise's full-coverage request on a bank loan, queued for an officer.
    private static void Queue(DeciderScenario<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent> scenario, string enterprise, string loan, long interest) =>
        scenario.Accept<LoanInterestSubsidyRequestQueued>(new SubmitLoanInterestSubsidyRequest(
            new LoanSubsidyRequest(enterprise, loan, 1_000_000, interest, 100, false, interest, new DateOnly(2026, 3, 16), true)), Streams);
}
