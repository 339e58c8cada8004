using Cases.Domain.Enterprises;

namespace Cases.Domain.Tests.Enterprises;

public sealed class EnterpriseParkAndMilestoneTests
{
    private const string Operator = "operator:park-zgc-01";
    private const string ParkOperator = "operator:zgc-01";
    private const string Founder = "applicant:P-1";

    [Fact]
    public void AnOperatorsProposalAdmitsNothingUntilAFounderConsents()
    {
        var scenario = EnterpriseScenarios.Registered();

        var proposed = scenario.Accept<ParkAdmissionProposed>(new ProposeParkAdmission("zgc-01"), ParkOperator);

        Assert.Equal(new ParkAdmissionProposed("zgc-01", ParkOperator, new DateOnly(2026, 3, 16)), proposed);
        Assert.Null(scenario.State.CurrentParkKey);
        var admitted = scenario.Send(new ConsentToParkAdmission("zgc-01"), Founder);
        Assert.Equal(
            [new ParkAdmissionConsented("zgc-01", Founder, new DateOnly(2026, 3, 16)), new EnterpriseAdmittedToPark("zgc-01", new DateOnly(2026, 3, 16))],
            admitted.Events);
        Assert.Equal("zgc-01", scenario.State.CurrentParkKey);
        Assert.Empty(scenario.State.AdmissionProposals);
    }

    [Fact]
    public void OnlyAParksOwnOperatorProposesAndOnlyAFounderConsents()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("not-allowed", scenario.Reject(new ProposeParkAdmission("zgc-02"), ParkOperator));
        Assert.Equal("not-allowed", scenario.Reject(new ProposeParkAdmission("zgc-01"), "officer:li"));
        scenario.Accept<ParkAdmissionProposed>(new ProposeParkAdmission("zgc-01"), ParkOperator);
        Assert.Equal("not-allowed", scenario.Reject(new ConsentToParkAdmission("zgc-01"), ParkOperator));
        Assert.Equal("not-allowed", scenario.Reject(new ConsentToParkAdmission("zgc-01"), "applicant:P-9"));
        Assert.Null(scenario.State.CurrentParkKey);
    }

    [Fact]
    public void AConsentNeedsThatParksProposalAndAProposalAgainIsANoOp()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("no-admission-proposal", scenario.Reject(new ConsentToParkAdmission("zgc-01"), Founder));
        scenario.Accept<ParkAdmissionProposed>(new ProposeParkAdmission("zgc-01"), ParkOperator);
        scenario.AcceptNothing(new ProposeParkAdmission("zgc-01"), ParkOperator);
        Assert.Equal("no-admission-proposal", scenario.Reject(new ConsentToParkAdmission("zgc-02"), Founder));
    }

    [Fact]
    public void AnOfficerAdmitsWithAReasonAndNoOneElseAdmitsWithoutConsent()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("not-an-officer", scenario.Reject(new AdmitToPark("zgc-01", "fits the park"), ParkOperator));
        Assert.Equal("not-an-officer", scenario.Reject(new AdmitToPark("zgc-01", "fits the park"), Founder));
        Assert.Equal("reason-missing", scenario.Reject(new AdmitToPark("zgc-01", " "), "officer:li"));
        var decision = scenario.Send(new AdmitToPark("zgc-01", "fits the park"), "officer:li");

        Assert.Equal(
            [new ParkAdmissionDecided("zgc-01", "fits the park", "officer:li", new DateOnly(2026, 3, 16), new Cases.Domain.Rules.RuleSet().Version), new EnterpriseAdmittedToPark("zgc-01", new DateOnly(2026, 3, 16))],
            decision.Events);
        Assert.Equal("zgc-01", scenario.State.CurrentParkKey);
    }

    [Fact]
    public void AnEarlyMorningAdmissionIsDatedTheCitysDayNotUtcs()
    {
        var scenario = EnterpriseScenarios.Registered();

        // 07:30 on 17 March in the city is still 16 March in UTC, which is how the silo's clock hands it over.
        var admitted = Admit(scenario, "zgc-01", new DateTimeOffset(2026, 3, 16, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 17), admitted.AdmittedOn);
    }

    [Fact]
    public void AdmissionToTheSameParkAgainIsANoOpAndToAnotherParkIsRejectedWithoutNamingIt()
    {
        var scenario = EnterpriseScenarios.Registered();
        Admit(scenario, "zgc-01");

        scenario.AcceptNothing(new AdmitToPark("zgc-01", "again"));
        scenario.AcceptNothing(new ProposeParkAdmission("zgc-01"), ParkOperator);
        var elsewhere = scenario.Send(new ProposeParkAdmission("zgc-02"), "operator:zgc-02");
        Assert.Equal("already-in-park", elsewhere.Rejection?.Code);
        Assert.DoesNotContain("zgc-01", elsewhere.Rejection!.Message, StringComparison.Ordinal);
        Assert.Equal("already-in-park", scenario.Reject(new AdmitToPark("zgc-02", "move it")));
    }

    [Fact]
    public void GraduationNamesTheParkAndAGraduateIsNotAdmittedAgain()
    {
        var scenario = EnterpriseScenarios.Registered();
        Admit(scenario, "zgc-01");

        var graduated = scenario.Accept<EnterpriseGraduated>(new Graduate(), Operator, new DateTimeOffset(2028, 6, 30, 12, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new EnterpriseGraduated("zgc-01", new DateOnly(2028, 6, 30)), graduated);
        Assert.Null(scenario.State.CurrentParkKey);
        Assert.Equal("already-graduated", scenario.Reject(new AdmitToPark("zgc-02", "again")));
        Assert.Equal("already-graduated", scenario.Reject(new ProposeParkAdmission("zgc-02"), "operator:zgc-02"));
        Assert.Equal("not-in-park", scenario.Reject(new Graduate(), Operator));
    }

    [Fact]
    public void LeavingNamesTheParkAndReasonAndAllowsAdmissionElsewhere()
    {
        var scenario = EnterpriseScenarios.Registered();
        Admit(scenario, "zgc-01");

        var left = scenario.Accept<EnterpriseLeftPark>(new LeavePark("moved to Shenzhen"), Operator);

        Assert.Equal(("zgc-01", "moved to Shenzhen"), (left.ParkKey, left.Reason));
        Assert.Equal("zgc-02", Admit(scenario, "zgc-02").ParkKey);
    }

    [Fact]
    public void LeavingWithoutAParkOrAReasonIsRejected()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("not-in-park", scenario.Reject(new LeavePark("bored"), Operator));
        Admit(scenario, "zgc-01");
        Assert.Equal("reason-missing", scenario.Reject(new LeavePark(""), Operator));
    }

    [Fact]
    public void AMilestoneCarriesTheParkIncubatingTheEnterpriseOrNone()
    {
        var scenario = EnterpriseScenarios.Registered();

        var outside = scenario.Accept<MilestoneRecorded>(new RecordMilestone(MilestoneKind.Patent, 2, Reference: "CN1234567"), Operator);
        Admit(scenario, "zgc-01");
        var inside = scenario.Accept<MilestoneRecorded>(new RecordMilestone(MilestoneKind.FundingRound, 5_000_000, Reference: "angel"), Operator);

        Assert.Null(outside.ParkKey);
        Assert.Equal(new MilestoneRecorded("zgc-01", MilestoneKind.FundingRound, 5_000_000, null, "angel", new DateOnly(2026, 3, 16)), inside);
        Assert.Equal((1, 5_000_000L, 2), (scenario.State.FundingRounds, scenario.State.FundingRaisedCny, scenario.State.Patents));
    }

    [Fact]
    public void YearlyMilestonesNeedAPastOrCurrentYearAndACorrectionReplacesTheFigure()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("year-missing", scenario.Reject(new RecordMilestone(MilestoneKind.TaxPaid, 10), Operator));
        Assert.Equal("year-in-future", scenario.Reject(new RecordMilestone(MilestoneKind.Revenue, 10, 2027), Operator));
        Assert.Equal("year-unexpected", scenario.Reject(new RecordMilestone(MilestoneKind.StaffCount, 10, 2025), Operator));
        scenario.Accept<MilestoneRecorded>(new RecordMilestone(MilestoneKind.TaxPaid, 500, 2025), Operator);
        scenario.Accept<MilestoneRecorded>(new RecordMilestone(MilestoneKind.TaxPaid, 700, 2025), Operator);

        Assert.Equal(700, scenario.State.TaxPaidByYear[2025]);
    }

    [Theory]
    [InlineData(MilestoneKind.FundingRound, 0)]
    [InlineData(MilestoneKind.Patent, 0)]
    [InlineData(MilestoneKind.StaffCount, -1)]
    public void MilestonesWithImpossibleValuesAreRejected(MilestoneKind kind, long value)
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("value-invalid", scenario.Reject(new RecordMilestone(kind, value), Operator));
    }

    [Theory]
    [InlineData(MilestoneKind.FundingRound, long.MaxValue)]
    [InlineData(MilestoneKind.Patent, int.MaxValue)]
    public void AMilestoneThatWouldOverflowItsTotalIsRefusedAndTheTotalStays(MilestoneKind kind, long first)
    {
        var scenario = EnterpriseScenarios.Registered();
        scenario.Accept<MilestoneRecorded>(new RecordMilestone(kind, first), Operator);

        Assert.Equal("total-overflow", scenario.Reject(new RecordMilestone(kind, 1), Operator));
        Assert.Equal(first, kind == MilestoneKind.FundingRound ? scenario.State.FundingRaisedCny : scenario.State.Patents);
    }

    [Fact]
    public void APatentCountBeyondWhatTheTotalHoldsIsRefusedRatherThanTruncated()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("total-overflow", scenario.Reject(new RecordMilestone(MilestoneKind.Patent, (long)int.MaxValue + 2), Operator));
        Assert.Equal(0, scenario.State.Patents);
    }

    [Fact]
    public void AFullSubsidyOfAHugeInterestIsTheWholeInterestNotAnOverflow()
    {
        var scenario = EnterpriseScenarios.Registered();

        var requested = scenario.Accept<LoanInterestSubsidyRequested>(
            new RequestLoanInterestSubsidy("L-1", long.MaxValue, long.MaxValue / 10, 100, IpBacked: false), "applicant:P-1");

        Assert.Equal(long.MaxValue / 10, requested.RequestedAmountCny);
    }

    [Fact]
    public void APartialInterestSubsidyRequestComputesTheShareAndRecordsAnIpBackedLoan()
    {
        var scenario = EnterpriseScenarios.Registered();

        var requested = scenario.Accept<LoanInterestSubsidyRequested>(
            new RequestLoanInterestSubsidy("ICBC-2026-001", 2_000_000, 90_000, 50, IpBacked: true), "applicant:P-1");

        Assert.Equal(45_000, requested.RequestedAmountCny);
        Assert.True(scenario.State.LoanInterestSubsidies["ICBC-2026-001"].Request.IpBacked);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void InterestCoverageOutside1To100PercentIsRejected(int percent)
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("coverage-invalid", scenario.Reject(new RequestLoanInterestSubsidy("L-1", 1_000_000, 50_000, percent, false), "applicant:P-1"));
    }

    [Fact]
    public void ALoanIsSubsidisedOnceAndItsDecisionIsBoundedByTheRequest()
    {
        var scenario = EnterpriseScenarios.Registered();
        scenario.Accept<LoanInterestSubsidyRequested>(new RequestLoanInterestSubsidy("L-1", 1_000_000, 50_000, 100, false), "applicant:P-1");

        Assert.Equal("loan-already-requested", scenario.Reject(new RequestLoanInterestSubsidy("L-1", 1_000_000, 50_000, 100, false), "applicant:P-1"));
        Assert.Equal("amount-invalid", scenario.Reject(new RecordLoanInterestSubsidyDecision("L-1", true, 50_001, "committed"), "system"));
        scenario.Accept<LoanInterestSubsidyDecided>(new RecordLoanInterestSubsidyDecision("L-1", true, 50_000, "committed"), "system");
        Assert.Equal("loan-already-decided", scenario.Reject(new RecordLoanInterestSubsidyDecision("L-1", false, 0, "refused"), "system"));
    }

    // An officer's admission: the decision, then the admission it causes.
    private static EnterpriseAdmittedToPark Admit(DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent> scenario, string park, DateTimeOffset? now = null)
    {
        var decision = scenario.Send(new AdmitToPark(park, "fits the park's focus"), "officer:li", now);
        Assert.True(decision.IsAccepted, decision.Rejection?.ToString());
        return Assert.IsType<EnterpriseAdmittedToPark>(decision.Events[^1]);
    }
}
