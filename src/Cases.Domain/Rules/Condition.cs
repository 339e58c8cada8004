using Orleans;

namespace Cases.Domain.Rules;

/// <summary>One condition of a rule as evaluated: where it comes from, whether it held, and why, in words a person reads.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.Condition")]
public sealed record Condition(string Code, string Source, bool Passed, string Reason)
{
    public override string ToString() => $"{(Passed ? "passed" : "failed")} {Code} ({Source}): {Reason}";
}

/// <summary>A rule evaluated under a rule-set version: it holds when every condition (or, for alternatives, the stated combination) passed.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.Evaluation")]
public sealed record Evaluation(string RuleSetVersion, bool Passed, IReadOnlyList<Condition> Conditions)
{
    public IEnumerable<Condition> Failed => Conditions.Where(c => !c.Passed);

    /// <summary>A one-paragraph account for officers and auditors.</summary>
    public string Explain() =>
        $"{(Passed ? "Met" : "Not met")} under rules {RuleSetVersion}: " + string.Join("; ", Conditions.Select(c => c.ToString()));
}
