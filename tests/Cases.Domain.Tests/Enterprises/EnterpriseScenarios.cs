using Cases.Domain.Enterprises;
using Cases.Domain.Rules;

namespace Cases.Domain.Tests.Enterprises;

/// <summary>Ready-made enterprise scenarios: registered, and registered and reviewed.</summary>
internal static class EnterpriseScenarios
{
    public static RegisterEnterprise Registration(bool withPassport = true) =>
        new("Aurora Robotics", ["P-1", "P-2"], withPassport, 100_000, "artificial-intelligence", "haidian");

    public static DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent> Registered(RuleSet? rules = null)
    {
        var scenario = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseDecider(rules ?? new RuleSet()));
        scenario.Accept<EnterpriseRegistered>(Registration(), actor: "applicant:P-1");
        return scenario;
    }

    public static DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent> Reviewed(RuleSet? rules = null)
    {
        var scenario = Registered(rules);
        scenario.Accept<EnterpriseReviewed>(new ReviewEnterprise(true, "Founders recognised; business plan sound."));
        return scenario;
    }
}
