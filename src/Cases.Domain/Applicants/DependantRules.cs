using Cases.Domain.Rules;
using static Cases.Domain.Applicants.CommonConditions;

namespace Cases.Domain.Applicants;

/// <summary>Art. 17, Art. 18, item 3: which dependants may come along — spouses, and children still minors on the application date.</summary>
public static class DependantRules
{
    /// <summary>Whether the dependant is a spouse or a minor child on <paramref name="on"/>, with the reason in words.</summary>
    public static (bool Eligible, string Reason) Eligibility(RuleSet rules, Dependant d, DateOnly on)
    {
        if (d.Relation == DependantRelation.Spouse)
            return (true, "a spouse may apply with the applicant");
        if (d.BirthDate is not { } born)
            return (false, "a child's birth date is not recorded, so minority cannot be established");
        // Art. 17/18: "children under the age of 18": a minor until the 18th birthday, which is no longer a minor's day.
        var comesOfAge = born.AddYears(rules.MinorAgeLimitYears);
        return on < comesOfAge
            ? (true, $"a child born {F(born)} is under {rules.MinorAgeLimitYears} on {F(on)} (comes of age {F(comesOfAge)})")
            : (false, $"a child born {F(born)} turned {rules.MinorAgeLimitYears} on {F(comesOfAge)}, on or before {F(on)}; " +
                      $"only children under {rules.MinorAgeLimitYears} may apply");
    }
}
