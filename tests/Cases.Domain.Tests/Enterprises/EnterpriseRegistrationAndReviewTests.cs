using Cases.Domain.Enterprises;
using Cases.Domain.Rules;

namespace Cases.Domain.Tests.Enterprises;

public sealed class EnterpriseRegistrationAndReviewTests
{
    [Fact]
    public void Registration_with_a_passport_is_accepted_and_recorded()
    {
        var scenario = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseGrain(new RuleSet()));

        var registered = scenario.Accept<EnterpriseRegistered>(EnterpriseScenarios.Registration(withPassport: true), actor: "applicant:P-1");

        Assert.True(registered.RegisteredWithPassport);
        Assert.Equal(["applicant/P-1", "applicant/P-2"], registered.FounderApplicantKeys);
        Assert.Equal(new DateOnly(2026, 3, 16), registered.RegisteredOn);
        Assert.True(scenario.State.IsRegistered);
    }

    [Fact]
    public void Registration_without_a_founder_is_rejected()
    {
        var scenario = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseGrain(new RuleSet()));

        var code = scenario.Reject(EnterpriseScenarios.Registration() with { FounderApplicantKeys = [] });

        Assert.Equal("founders-missing", code);
    }

    [Fact]
    public void Registering_twice_is_rejected()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("already-registered", scenario.Reject(EnterpriseScenarios.Registration()));
    }

    [Fact]
    public void Commands_to_an_unregistered_enterprise_are_rejected()
    {
        var scenario = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseGrain(new RuleSet()));

        Assert.Equal("not-registered", scenario.Reject(new ReviewEnterprise(true, "ok")));
        Assert.Equal("not-registered", scenario.Reject(new AdmitToPark("zgc-01")));
    }

    [Theory]
    [InlineData("operator:park-zgc-01")]
    [InlineData("applicant:P-1")]
    [InlineData("system")]
    [InlineData("officers:li")]
    public void Review_by_anyone_but_an_officer_is_rejected(string actor)
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("not-an-officer", scenario.Reject(new ReviewEnterprise(true, "looks fine"), actor));
        Assert.Null(scenario.State.Review);
    }

    [Fact]
    public void Review_by_an_officer_records_the_review_year_as_programme_year_and_the_rule_set_version()
    {
        var scenario = EnterpriseScenarios.Registered(new RuleSet { Version = "test-7" });

        var reviewed = scenario.Accept<EnterpriseReviewed>(
            new ReviewEnterprise(true, "Founders recognised."), "officer:wang", new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new EnterpriseReviewed(true, 2027, "Founders recognised.", "officer:wang", "test-7"), reviewed);
    }

    [Fact]
    public void A_passed_review_is_final_but_a_failed_one_may_be_reviewed_again()
    {
        var scenario = EnterpriseScenarios.Registered();

        scenario.Accept<EnterpriseReviewed>(new ReviewEnterprise(false, "Business plan missing."));
        var second = scenario.Accept<EnterpriseReviewed>(new ReviewEnterprise(true, "Business plan supplied."));

        Assert.True(second.Passed);
        Assert.Equal("already-reviewed", scenario.Reject(new ReviewEnterprise(false, "Changed my mind.")));
    }

    [Fact]
    public void A_review_without_a_reason_is_rejected()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("reason-missing", scenario.Reject(new ReviewEnterprise(true, " ")));
    }

    [Fact]
    public void A_grant_decision_before_a_passed_review_is_rejected()
    {
        var scenario = EnterpriseScenarios.Registered();

        Assert.Equal("not-reviewed", scenario.Reject(new RecordGrantDecision(true, 100_000, "awarded"), "system"));
    }

    [Fact]
    public void An_awarded_grant_is_recorded_once_and_a_redelivery_changes_nothing()
    {
        var scenario = EnterpriseScenarios.Reviewed();

        var recorded = scenario.Accept<StartupGrantRecorded>(new RecordGrantDecision(true, 100_000, "awarded by startup-2026"), "system");
        scenario.AcceptNothing(new RecordGrantDecision(true, 100_000, "awarded by startup-2026"), "system");

        Assert.True(recorded.Awarded);
        Assert.Equal(100_000, scenario.State.StartupGrant!.AmountCny);
        Assert.Equal("grant-already-awarded", scenario.Reject(new RecordGrantDecision(false, 0, "budget exhausted"), "system"));
    }

    [Fact]
    public void A_refusal_with_an_amount_is_rejected()
    {
        var scenario = EnterpriseScenarios.Reviewed();

        Assert.Equal("amount-invalid", scenario.Reject(new RecordGrantDecision(false, 100_000, "budget exhausted"), "system"));
        Assert.False(scenario.Accept<StartupGrantRecorded>(new RecordGrantDecision(false, 0, "budget exhausted"), "system").Awarded);
    }
}
