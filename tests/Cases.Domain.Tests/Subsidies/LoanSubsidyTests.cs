using Cases.Domain.Rules;
using Cases.Domain.Subsidies;
using Cases.Domain.Tests.Enterprises;

namespace Cases.Domain.Tests.Subsidies;

/// <summary>Loan interest subsidies in the programme (Art. 6; returnee-measures-2024 item 7): the queue, officers' commitments and refusals, the budget.</summary>
public sealed class LoanSubsidyTests
{
    private const string Streams = "system:streams";
    private static readonly DateOnly AskedOn = new(2026, 3, 16);

    private static DeciderScenario<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent> Unopened(RuleSet? rules = null) =>
        new(new SubsidyProgramDecider(rules ?? new RuleSet()));

    private static DeciderScenario<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent> Opened(long budget, RuleSet? rules = null)
    {
        var scenario = Unopened(rules);
        scenario.Accept<ProgrammeOpened>(new OpenProgramme(2026, budget));
        return scenario;
    }

    private static LoanSubsidyRequest Request(string loan = "L-1", int coverage = 100, bool ipBacked = false, bool reviewed = true, long interest = 40_000, string enterprise = "ent-1") =>
        new(enterprise, loan, 1_000_000, interest, coverage, ipBacked, interest * coverage / 100, AskedOn, reviewed);

    private static SubmitLoanInterestSubsidyRequest Submit(LoanSubsidyRequest request) => new(request);

    [Fact]
    public void AReviewedEnterprisesRequestJoinsTheQueueWithEachConditionAndItsReason()
    {
        var scenario = Opened(1_000_000);

        var queued = scenario.Accept<LoanInterestSubsidyRequestQueued>(Submit(Request()), Streams);

        Assert.True(queued.Eligibility.Passed);
        Assert.Equal(["review-passed", "bank-loan", "coverage"], queued.Eligibility.Conditions.Select(c => c.Code));
        Assert.All(queued.Eligibility.Conditions, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
        Assert.Equal("2024.3", queued.Eligibility.RuleSetVersion);
        var pending = Assert.Single(scenario.State.LoanRequests);
        Assert.Equal(("ent-1", "L-1", 40_000L), (pending.EnterpriseKey, pending.LoanReference, pending.RequestedAmountCny));
        Assert.Equal(1_000_000, scenario.State.RemainingBudgetCny);
    }

    [Fact]
    public void ARequestOfAnEnterpriseThatHadNotPassedReviewIsRefusedWithTheReason()
    {
        var scenario = Opened(1_000_000);

        var refused = scenario.Accept<LoanInterestSubsidyRefused>(Submit(Request(reviewed: false)), Streams);

        Assert.Equal("The enterprise had not passed the centre's review when it asked.", refused.Reason);
        Assert.Equal("review-passed", Assert.Single(refused.Evaluation!.Failed).Code);
        Assert.Empty(scenario.State.LoanRequests);
    }

    [Fact]
    public void AnIpBackedLoanIsJudgedOnItem7sLimitFromTheRuleSet()
    {
        var scenario = Opened(1_000_000, new RuleSet { Version = "test-ip", IpBackedLoanInterestMaxCoveragePercent = 60 });

        var queued = scenario.Accept<LoanInterestSubsidyRequestQueued>(Submit(Request("IP-1", coverage: 60, ipBacked: true)), Streams);
        var refused = scenario.Accept<LoanInterestSubsidyRefused>(Submit(Request("IP-2", coverage: 61, ipBacked: true)), Streams);
        var bank = scenario.Accept<LoanInterestSubsidyRequestQueued>(Submit(Request("BANK-1", coverage: 100)), Streams);

        var ipCondition = queued.Eligibility.Conditions.Single(c => c.Code == "ip-backed-coverage");
        Assert.Equal(("returnee-measures-2024 item 7", true), (ipCondition.Source, ipCondition.Passed));
        var failed = Assert.Single(refused.Evaluation!.Failed);
        Assert.Equal("ip-backed-coverage", failed.Code);
        Assert.Contains("up to 60 %", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(("coverage", "test-ip"), (bank.Eligibility.Conditions[^1].Code, bank.Eligibility.RuleSetVersion));
    }

    [Fact]
    public void BankLoanCoverageAboveTheArt6LimitIsRefused()
    {
        var scenario = Opened(1_000_000, new RuleSet { LoanInterestMaxCoveragePercent = 80 });

        var refused = scenario.Accept<LoanInterestSubsidyRefused>(Submit(Request(coverage: 81)), Streams);

        Assert.Equal("coverage", Assert.Single(refused.Evaluation!.Failed).Code);
    }

    [Fact]
    public void ACommitmentDefaultsToTheRequestedAmountAndListsEveryCondition()
    {
        var scenario = Opened(1_000_000);
        scenario.Accept<LoanInterestSubsidyRequestQueued>(Submit(Request(coverage: 50)), Streams);

        var committed = scenario.Accept<LoanInterestSubsidyCommitted>(new CommitLoanInterestSubsidy("ent-1", "L-1"), "officer:li");

        Assert.Equal((20_000L, 980_000L, "officer:li"), (committed.AmountCny, committed.RemainingBudgetCny, committed.CommittedBy));
        Assert.Equal(["review-passed", "bank-loan", "coverage", "within-request", "budget-covers"], committed.Evaluation!.Conditions.Select(c => c.Code));
        Assert.True(committed.Evaluation.Passed);
        Assert.Empty(scenario.State.LoanRequests);
        Assert.Equal(20_000, scenario.State.LoanSubsidies[SubsidyProgramState.LoanKey("ent-1", "L-1")].CommittedCny);
    }

    [Fact]
    public void AnOfficerMayCommitLessThanRequestedButNeverMore()
    {
        var scenario = Opened(1_000_000);
        scenario.Accept<LoanInterestSubsidyRequestQueued>(Submit(Request()), Streams);

        Assert.Equal("amount-above-request", scenario.Reject(new CommitLoanInterestSubsidy("ent-1", "L-1", 40_001)));
        Assert.Equal("amount-invalid", scenario.Reject(new CommitLoanInterestSubsidy("ent-1", "L-1", 0)));
        Assert.Single(scenario.State.LoanRequests);
        var committed = scenario.Accept<LoanInterestSubsidyCommitted>(new CommitLoanInterestSubsidy("ent-1", "L-1", 30_000));

        Assert.Equal(30_000, committed.AmountCny);
    }

    [Fact]
    public void LoanSubsidyIsRefusedWhenBudgetIsSpent()
    {
        var scenario = Opened(50_000);
        scenario.Accept<LoanInterestSubsidyRequestQueued>(Submit(Request("L-1", interest: 40_000)), Streams);
        scenario.Accept<LoanInterestSubsidyRequestQueued>(Submit(Request("L-2", interest: 40_000)), Streams);
        scenario.Accept<LoanInterestSubsidyCommitted>(new CommitLoanInterestSubsidy("ent-1", "L-1"));

        var refused = scenario.Accept<LoanInterestSubsidyRefused>(new CommitLoanInterestSubsidy("ent-1", "L-2"));

        Assert.Equal("The remaining budget of CNY 10000 does not cover CNY 40000.", refused.Reason);
        Assert.Equal(("budget-covers", 10_000L), (Assert.Single(refused.Evaluation!.Failed).Code, refused.RemainingBudgetCny));
        Assert.Empty(scenario.State.LoanRequests);
        Assert.Equal(10_000, scenario.State.RemainingBudgetCny);
    }

    [Fact]
    public void AnOfficerRefusesAQueuedRequestWithAReason()
    {
        var scenario = Opened(1_000_000);
        scenario.Accept<LoanInterestSubsidyRequestQueued>(Submit(Request()), Streams);

        Assert.Equal("reason-missing", scenario.Reject(new RefuseLoanInterestSubsidy("ent-1", "L-1", " ")));
        var refused = scenario.Accept<LoanInterestSubsidyRefused>(new RefuseLoanInterestSubsidy("ent-1", "L-1", "the loan contract is unsigned"), "officer:li");

        Assert.Equal("the loan contract is unsigned", refused.Reason);
        var judgement = Assert.Single(refused.Evaluation!.Failed);
        Assert.Equal(("officer-judgement", "Refused by officer:li: the loan contract is unsigned"), (judgement.Code, judgement.Reason));
        Assert.Empty(scenario.State.LoanRequests);
        Assert.Equal("loan-not-requested", scenario.Reject(new CommitLoanInterestSubsidy("ent-1", "L-1")));
    }

    [Fact]
    public void OnlyOfficersCommitOrRefuseAndOnlyQueuedLoans()
    {
        var scenario = Opened(1_000_000);
        scenario.Accept<LoanInterestSubsidyRequestQueued>(Submit(Request()), Streams);

        Assert.Equal("not-an-officer", scenario.Reject(new CommitLoanInterestSubsidy("ent-1", "L-1"), "auditor:sun"));
        Assert.Equal("not-an-officer", scenario.Reject(new RefuseLoanInterestSubsidy("ent-1", "L-1", "no"), "applicant:P-1"));
        Assert.Equal("loan-not-requested", scenario.Reject(new CommitLoanInterestSubsidy("ent-1", "L-9")));
        Assert.Equal("loan-already-requested", scenario.Reject(Submit(Request()), Streams));
    }

    [Fact]
    public void ARequestBeforeTheOpeningWaitsAndTheOpeningQueuesOrRefusesItInOrder()
    {
        var scenario = Unopened();
        var waiting = scenario.Accept<LoanInterestSubsidyRequestWaiting>(Submit(Request("L-1")), Streams);
        scenario.Accept<LoanInterestSubsidyRequestWaiting>(Submit(Request("L-2", reviewed: false)), Streams);
        Assert.Equal("programme-not-open", scenario.Reject(new CommitLoanInterestSubsidy("ent-1", "L-1")));
        Assert.Equal(["L-1", "L-2"], scenario.State.WaitingLoanRequests.Select(r => r.LoanReference));
        Assert.Null(waiting.Request.Eligibility);

        var opened = scenario.Send(new OpenProgramme(2026, 1_000_000));

        Assert.True(opened.IsAccepted, opened.Rejection?.ToString());
        Assert.Equal([typeof(ProgrammeOpened), typeof(LoanInterestSubsidyRequestQueued), typeof(LoanInterestSubsidyRefused)], opened.Events.Select(e => e.GetType()));
        Assert.Empty(scenario.State.WaitingLoanRequests);
        Assert.Equal("L-1", Assert.Single(scenario.State.LoanRequests).LoanReference);
        scenario.Accept<LoanInterestSubsidyCommitted>(new CommitLoanInterestSubsidy("ent-1", "L-1"));
    }

    [Fact]
    public void GrantsWaitingForTheOpeningAreDecidedBeforeWaitingLoans()
    {
        var scenario = Unopened();
        scenario.Accept<LoanInterestSubsidyRequestWaiting>(Submit(Request()), Streams);
        scenario.Accept<GrantRequestWaiting>(new RequestStartupGrant("ent-2"), Streams);

        var opened = scenario.Send(new OpenProgramme(2026, 100_000));

        Assert.Equal([typeof(ProgrammeOpened), typeof(GrantAwarded), typeof(LoanInterestSubsidyRequestQueued)], opened.Events.Select(e => e.GetType()));
        Assert.Equal(0, scenario.State.RemainingBudgetCny);
    }
}
