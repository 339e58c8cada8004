using Cases.Domain.Enterprises;
using Cases.Domain.Rules;

namespace Cases.Domain.Tests.Enterprises;

public sealed class EnterpriseRegistrationAndReviewTests
{
    [Fact]
    public void RegistrationWithAPassportIsAcceptedAndRecorded()
    {
        var scenario = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseDecider(new RuleSet()));

        var registered = scenario.Accept<EnterpriseRegistered>(EnterpriseScenarios.Registration(withPassport: true), actor: "applicant:P-1");

        Assert.True(registered.RegisteredWithPassport);
        Assert.Equal(["P-1", "P-2"], registered.FounderApplicantKeys);
        Assert.Equal(new DateOnly(2026, 3, 16), registered.RegisteredOn);
        Assert.True(scenario.State.IsRegistered);
    }

    [Fact]
    public void RegistrationWithoutAFounderIsRejected()
    {
        var scenario = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseDecider(new RuleSet()));

        var code = scenario.Reject(EnterpriseScenarios.Registration() with { FounderApplicantKeys = [] });

        Assert.Equal("founders-missing", code);
    }

    [Fact]
    public void RegisteringTwiceIsRejected()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("already-registered", scenario.Reject(EnterpriseScenarios.Registration()));
    }

    [Fact]
    public void CommandsToAnUnregisteredEnterpriseAreRejected()
    {
        var scenario = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseDecider(new RuleSet()));

        Assert.Equal("not-registered", scenario.Reject(new ReviewEnterprise(true, "ok")));
        Assert.Equal("not-registered", scenario.Reject(new AdmitToPark("zgc-01", "fits")));
    }

    [Theory]
    [InlineData("operator:park-zgc-01")]
    [InlineData("applicant:P-1")]
    [InlineData("system")]
    [InlineData("officers:li")]
    public void ReviewByAnyoneButAnOfficerIsRejected(string actor)
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("not-an-officer", scenario.Reject(new ReviewEnterprise(true, "looks fine"), actor));
        Assert.Null(scenario.State.Review);
    }

    [Fact]
    public void ReviewByAnOfficerRecordsTheReviewYearAsProgrammeYearAndTheRuleSetVersion()
    {
        var scenario = EnterpriseScenarios.Registered(new RuleSet { Version = "test-7" });

        var reviewed = scenario.Accept<EnterpriseReviewed>(
            new ReviewEnterprise(true, "Founders recognised."), "officer:wang", new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new EnterpriseReviewed(true, 2027, "Founders recognised.", "officer:wang", "test-7"), reviewed);
    }

    [Fact]
    public void APassedReviewIsFinalButAFailedOneMayBeReviewedAgain()
    {
        var scenario = EnterpriseScenarios.Registered();

        scenario.Accept<EnterpriseReviewed>(new ReviewEnterprise(false, "Business plan missing."));
        var second = scenario.Accept<EnterpriseReviewed>(new ReviewEnterprise(true, "Business plan supplied."));

        Assert.True(second.Passed);
        Assert.Equal("already-reviewed", scenario.Reject(new ReviewEnterprise(false, "Changed my mind.")));
    }

    [Fact]
    public void AReviewWithoutAReasonIsRejected()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("reason-missing", scenario.Reject(new ReviewEnterprise(true, " ")));
    }

    [Fact]
    public void AGrantDecisionBeforeAPassedReviewIsRejected()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("not-reviewed", scenario.Reject(new RecordGrantDecision(true, 100_000, "awarded"), "system"));
    }

    [Fact]
    public void AnAwardedGrantIsRecordedOnceAndARedeliveryChangesNothing()
    {
        var scenario = EnterpriseScenarios.Reviewed();

        var recorded = scenario.Accept<StartupGrantRecorded>(new RecordGrantDecision(true, 100_000, "awarded by startup-2026"), "system");
        scenario.AcceptNothing(new RecordGrantDecision(true, 100_000, "awarded by startup-2026"), "system");

        Assert.True(recorded.Awarded);
        Assert.Equal(100_000, scenario.State.StartupGrant!.AmountCny);
        Assert.Equal("grant-already-awarded", scenario.Reject(new RecordGrantDecision(false, 0, "budget exhausted"), "system"));
    }

    [Fact]
    public void ARefusalWithAnAmountIsRejected()
    {
        var scenario = EnterpriseScenarios.Reviewed();

        Assert.Equal("amount-invalid", scenario.Reject(new RecordGrantDecision(false, 100_000, "budget exhausted"), "system"));
        Assert.False(scenario.Accept<StartupGrantRecorded>(new RecordGrantDecision(false, 0, "budget exhausted"), "system").Awarded);
    }
}
