using Cases.Domain.Rules;
using static Cases.Domain.Applicants.CommonConditions;

namespace Cases.Domain.Applicants;

/// <summary>Art. 17: a foreigners' residence permit or multiple-entry visa for foreign-passport holders with the permit, and their family.</summary>
public static class ForeignResidenceRules
{
    public static (Evaluation Evaluation, IReadOnlyList<ForeignResidenceGrant> Grants) Evaluate(
        RuleSet rules, ApplicantState state, DateOnly on, ForeignResidenceKind kind, IEnumerable<Dependant> dependants)
    {
        var p = state.Profile ?? throw new InvalidOperationException("The applicant is not registered.");
        Condition[] conditions =
        [
            // Art. 17: "such personnel holding foreign passports": the passport held now, whatever the nationality when going abroad.
            new("foreign-passport", Sources.Art17, p.Passport == PassportKind.Foreign,
                p.Passport == PassportKind.Foreign ? $"holds a foreign passport (nationality {p.Nationality})"
                    : "holds a Chinese passport; Art. 17 is for foreign-passport holders (Art. 18 covers Chinese passports)"),
            // Art. 17: "on the strength of the ... Residence Permit for Working".
            new("holds-permit", Sources.Art17, state.HoldsPermit,
                state.HoldsPermit ? HeldPermit(state.Permit!)
                    : "holds no approved Residence and Work Permit"),
            PassportValid("passport-valid", p.PassportExpiry, on),
        ];
        var evaluation = new Evaluation(rules.Version, conditions.All(c => c.Passed), conditions);
        var grants = new List<ForeignResidenceGrant>
        {
            evaluation.Passed
                ? Grant(rules, p.IdentityDocument, "applicant", kind, on, p.PassportExpiry!.Value)
                : new(p.IdentityDocument, "applicant", false, null, null,
                    "not granted: " + string.Join("; ", evaluation.Failed.Select(c => c.Reason))),
        };
        grants.AddRange(dependants.Select(d => ForDependant(rules, d, kind, on, evaluation.Passed)));
        return (evaluation, grants);
    }

    private static Condition PassportValid(string code, DateOnly? expiry, DateOnly on) => expiry switch
    {
        null => new Condition(code, Sources.Art17, false, "no passport expiry date is recorded"),
        { } e when e <= on => new Condition(code, Sources.Art17, false, $"the passport expired on {F(e)}, by the application on {F(on)}"),
        { } e => new Condition(code, Sources.Art17, true, $"the passport is valid until {F(e)}"),
    };

    // Art. 17: "spouses and children under the age of 18", each on their own passport.
    private static ForeignResidenceGrant ForDependant(RuleSet rules, Dependant d, ForeignResidenceKind kind, DateOnly on, bool principal)
    {
        var role = d.Relation.ToString().ToLowerInvariant();
        ForeignResidenceGrant Refuse(string why) => new(d.DependantId, role, false, null, null, "not granted: " + why);
        if (!principal)
            return Refuse("the applicant's own Art. 17 conditions are not met");
        var (eligible, reason) = DependantRules.Eligibility(rules, d, on);
        if (!eligible)
            return Refuse(reason);
        if (d.Passport != PassportKind.Foreign)
            return Refuse("the dependant holds no foreign passport");
        var valid = PassportValid("passport-valid", d.PassportExpiry, on);
        return valid.Passed ? Grant(rules, d.DependantId, role, kind, on, d.PassportExpiry!.Value) : Refuse(valid.Reason);
    }

    // Art. 17: two-year residence permit or one-year multiple-entry visa, "not exceeding the validity period of the passport".
    private static ForeignResidenceGrant Grant(RuleSet rules, string id, string role, ForeignResidenceKind kind, DateOnly on, DateOnly expiry)
    {
        var (years, what) = kind == ForeignResidenceKind.ResidencePermit
            ? (rules.ForeignResidencePermitYears, "residence permit")
            : (rules.MultipleEntryVisaYears, "multiple-entry visa");
        var full = on.AddYears(years);
        var until = full <= expiry ? full : expiry;
        var reason = full <= expiry
            ? $"{what} for {years} years from {F(on)} to {F(full)}, within the passport's validity ({F(expiry)})"
            : $"{what} for {years} years would run to {F(full)}; capped at the passport's expiry on {F(expiry)}";
        return new ForeignResidenceGrant(id, role, true, on, until, reason);
    }
}
