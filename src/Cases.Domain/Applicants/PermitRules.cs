using Cases.Domain.Rules;
using static Cases.Domain.Applicants.CommonConditions;

namespace Cases.Domain.Applicants;

/// <summary>Art. 4: whether a Residence and Work Permit application may go to an officer.</summary>
public static class PermitRules
{
    public static Evaluation Evaluate(RuleSet rules, ApplicantState state, string? enterpriseKey, string? employerReference)
    {
        Condition[] conditions = [Recognised(state), EmployerDocument(enterpriseKey, employerReference)];
        return new Evaluation(rules.Version, conditions.All(c => c.Passed), conditions);
    }

    // Art. 4: the permit is for overseas-educated personnel, i.e. those recognised under Art. 1.
    private static Condition Recognised(ApplicantState state) =>
        state.Recognition is { } r
            ? new Condition("recognised", Sources.Art4, true,
                $"recognised as overseas-educated personnel on {F(r.RecognisedOn)} (application {r.ApplicationId})")
            : new Condition("recognised", Sources.Art4, false,
                "not recognised as overseas-educated personnel; recognition under Art. 1 comes first");

    // Art. 4: "with an employer's certificate or industrial and commercial license".
    private static Condition EmployerDocument(string? enterpriseKey, string? employerReference)
    {
        const string code = "employer-certificate-or-licence";
        if (!string.IsNullOrWhiteSpace(enterpriseKey))
            return new Condition(code, Sources.Art4, true, $"business licence of enterprise {enterpriseKey} supplied");
        if (!string.IsNullOrWhiteSpace(employerReference))
            return new Condition(code, Sources.Art4, true, $"employer's certificate {employerReference} supplied");
        return new Condition(code, Sources.Art4, false, "neither an employer's certificate nor a business licence was supplied");
    }
}
