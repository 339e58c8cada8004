using Cases.Domain.Enterprises;
using Cases.Domain.Rules;
using Cases.Domain.Subsidies;
using Cases.Domain.Tests.Enterprises;

namespace Cases.Domain.Tests;

/// <summary>Every domain date is the city's, from the one calendar the rule set names.</summary>
public sealed class CityCalendarTests
{
    // 19:46 UTC on 1 December is 03:46 on 2 December in Beijing.
    private static readonly DateTimeOffset QuarterToEightUtc = new(2026, 12, 1, 19, 46, 0, TimeSpan.Zero);

    [Fact]
    public void TheCitysDateAtQuarterToEightUtcIsAlreadyTheNextDay()
    {
        Assert.Equal(new DateOnly(2026, 12, 2), new RuleSet().Calendar.DateOf(QuarterToEightUtc));
        Assert.Equal(new DateOnly(2026, 12, 2), new RuleSet().Calendar.DateOf(QuarterToEightUtc.ToOffset(TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void AnEnterpriseRegisteredAndAProgrammeOpenedInTheSameInstantShareTheCitysDate()
    {
        var rules = new RuleSet();
        var enterprise = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseDecider(rules), rules.Calendar);
        var programme = new DeciderScenario<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent>(new SubsidyProgramDecider(rules), rules.Calendar);

        var registered = enterprise.Accept<EnterpriseRegistered>(EnterpriseScenarios.Registration(), "applicant:P-1", QuarterToEightUtc);
        var opened = programme.Accept<ProgrammeOpened>(new OpenProgramme(2026, 1_000_000), now: QuarterToEightUtc);

        Assert.Equal((new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2)), (registered.RegisteredOn, opened.OpenedOn));
    }

    [Fact]
    public void ARuleSetInAnotherTimeZoneDatesTheSameInstantByItsOwnCalendar()
    {
        var berlin = new RuleSet { TimeZone = "Europe/Berlin", Version = "berlin-1" };
        var enterprise = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseDecider(berlin), berlin.Calendar);

        var registered = enterprise.Accept<EnterpriseRegistered>(EnterpriseScenarios.Registration(), "applicant:P-1", QuarterToEightUtc);

        Assert.Equal(new DateOnly(2026, 12, 1), registered.RegisteredOn);
    }

    [Fact]
    public void AnUnknownTimeZoneIsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RuleSet { TimeZone = "Atlantis/Capital" }.Calendar);

        Assert.Contains("Cases:Rules:TimeZone", error.Message, StringComparison.Ordinal);
    }
}
