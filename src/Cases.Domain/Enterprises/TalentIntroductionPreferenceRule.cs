using System.Collections.Immutable;
using System.Globalization;
using Cases.Domain.Rules;

namespace Cases.Domain.Enterprises;

/// <summary>Art. 10: preferential talent introduction for enterprises averaging more than the threshold in tax over the past full years.</summary>
public static class TalentIntroductionPreferenceRule
{
    /// <summary>Evaluates Art. 10 on the given date over the PreferentialTaxYears full calendar years before that date's year.</summary>
    public static Evaluation Evaluate(RuleSet rules, DateOnly on, ImmutableDictionary<int, long> taxPaidByYear, bool businessScopeInLine)
    {
        // Art. 10 "in the past three years": full calendar years only, so the current, unfinished year never counts.
        var years = Enumerable.Range(on.Year - rules.PreferentialTaxYears, rules.PreferentialTaxYears).ToList();
        var missing = years.Where(y => !taxPaidByYear.ContainsKey(y)).ToList();
        // Added as decimals: three years of the largest recordable figures exceed a long, and the average must still be judged.
        var total = years.Sum(y => (decimal)taxPaidByYear.GetValueOrDefault(y));
        var span = $"{years[0]}-{years[^1]}";

        var conditions = new List<Condition>
        {
            // Art. 10: business scope in line with the city's industrial development orientation (an officer's finding).
            new("business-scope-in-line", "overseas-educated-personnel-measures Art. 10", businessScopeInLine,
                businessScopeInLine ? "The business scope fits the industrial development orientation." : "The business scope does not fit the industrial development orientation."),
            // Art. 10: an average over three years needs the tax of each of them; a missing year is not assumed to be zero.
            new("tax-years-recorded", "overseas-educated-personnel-measures Art. 10", missing.Count == 0,
                missing.Count == 0 ? $"Tax is recorded for every year of {span}." : $"No tax recorded for {string.Join(", ", missing)}."),
            // Art. 10: "more than CNY 1 million" on average: exactly the threshold does not qualify; compared on totals to avoid rounding.
            new("average-annual-tax", "overseas-educated-personnel-measures Art. 10", total > (decimal)rules.PreferentialAverageAnnualTaxCny * years.Count,
                $"Tax paid {span} totals CNY {Cny(total)}, an average of CNY {(total / years.Count).ToString("N2", CultureInfo.InvariantCulture)} a year, against more than CNY {Cny(rules.PreferentialAverageAnnualTaxCny)} required."),
        };
        return new Evaluation(rules.Version, conditions.TrueForAll(c => c.Passed), conditions);
    }

    private static string Cny(decimal amount) => amount.ToString("N0", CultureInfo.InvariantCulture);
}
