using Cases.Domain.Enterprises;

namespace Cases.Domain.Tests.Enterprises;

/// <summary>Loan interest subsidies on the enterprise's record (Art. 6; item 7): the request, the programme's decision and its payments.</summary>
public sealed class EnterpriseLoanSubsidyTests
{
    private const string Founder = "applicant:P-1";
    private const string Streams = "system:streams";

    [Fact]
    public void TheRequestCarriesWhetherTheEnterpriseHadPassedReview()
    {
        var registered = EnterpriseScenarios.Registered();
        var reviewed = EnterpriseScenarios.Reviewed();

        var before = registered.Accept<LoanInterestSubsidyRequested>(new RequestLoanInterestSubsidy("L-1", 1_000_000, 50_000, 100, false), Founder);
        var after = reviewed.Accept<LoanInterestSubsidyRequested>(new RequestLoanInterestSubsidy("L-1", 1_000_000, 50_000, 100, false), Founder);

        Assert.False(before.PassedReview);
        Assert.True(after.PassedReview);
        Assert.Equal("requested", reviewed.State.LoanInterestSubsidies["L-1"].Status);
    }

    [Fact]
    public void PaymentsRecordedOnACommitmentShowWhatIsPaidAndWhatRemainsUntilFullyPaid()
    {
        var scenario = Committed(50_000);

        scenario.Accept<LoanInterestSubsidyPaymentRecorded>(new RecordLoanInterestSubsidyPayment("L-1", 20_000, new DateOnly(2026, 4, 1)), Streams);
        var partly = scenario.State.LoanInterestSubsidies["L-1"];
        Assert.Equal((50_000L, 20_000L, 30_000L, false, "partly-paid"), (partly.CommittedCny, partly.PaidCny, partly.RemainingCny, partly.FullyPaid, partly.Status));

        Assert.Equal("amount-invalid", scenario.Reject(new RecordLoanInterestSubsidyPayment("L-1", 30_001, new DateOnly(2026, 5, 1)), Streams));
        scenario.Accept<LoanInterestSubsidyPaymentRecorded>(new RecordLoanInterestSubsidyPayment("L-1", 30_000, new DateOnly(2026, 5, 1)), Streams);

        var paid = scenario.State.LoanInterestSubsidies["L-1"];
        Assert.Equal((50_000L, 0L, true, "paid"), (paid.PaidCny, paid.RemainingCny, paid.FullyPaid, paid.Status));
    }

    [Fact]
    public void APaymentOfARefusedOrUnknownLoanIsRejected()
    {
        var scenario = EnterpriseScenarios.Reviewed();
        scenario.Accept<LoanInterestSubsidyRequested>(new RequestLoanInterestSubsidy("L-1", 1_000_000, 50_000, 100, false), Founder);
        scenario.Accept<LoanInterestSubsidyDecided>(new RecordLoanInterestSubsidyDecision("L-1", false, 0, "The remaining budget of CNY 0 does not cover CNY 50000."), Streams);

        Assert.Equal("loan-not-committed", scenario.Reject(new RecordLoanInterestSubsidyPayment("L-1", 1, new DateOnly(2026, 4, 1)), Streams));
        Assert.Equal("loan-unknown", scenario.Reject(new RecordLoanInterestSubsidyPayment("L-9", 1, new DateOnly(2026, 4, 1)), Streams));
        var refused = scenario.State.LoanInterestSubsidies["L-1"];
        Assert.Equal(("refused", 0L, false), (refused.Status, refused.CommittedCny, refused.FullyPaid));
        Assert.Equal("The remaining budget of CNY 0 does not cover CNY 50000.", refused.Decision!.Reason);
    }

    private static DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent> Committed(long amount)
    {
        var scenario = EnterpriseScenarios.Reviewed();
        scenario.Accept<LoanInterestSubsidyRequested>(new RequestLoanInterestSubsidy("L-1", 1_000_000, amount, 100, false), Founder);
        scenario.Accept<LoanInterestSubsidyDecided>(new RecordLoanInterestSubsidyDecision("L-1", true, amount, "committed by officer:li from startup-2026"), Streams);
        return scenario;
    }
}
