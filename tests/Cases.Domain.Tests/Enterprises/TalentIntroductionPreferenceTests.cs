using System.Text.Json;
using Cases.Domain.Enterprises;
using Cases.Domain.Rules;

namespace Cases.Domain.Tests.Enterprises;

/// <summary>Art. 10: more than CNY 1 million average annual tax over the past three full years.</summary>
public sealed class TalentIntroductionPreferenceTests
{
    private static DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent> WithTax(params (int Year, long Cny)[] taxes)
    {
        var scenario = EnterpriseScenarios.Registered();
        foreach (var (year, cny) in taxes)
            scenario.Accept<MilestoneRecorded>(new RecordMilestone(MilestoneKind.TaxPaid, cny, year), "operator:park-zgc-01");
        return scenario;
    }

    private static Evaluation Evaluate(DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent> scenario, bool inLine = true) =>
        scenario.Accept<TalentIntroductionPreferenceEvaluated>(new EvaluateTalentIntroductionPreference(inLine)).Evaluation;

    private static bool Condition(Evaluation evaluation, string code) => evaluation.Conditions.Single(c => c.Code == code).Passed;

    [Theory]
    [InlineData(1_000_000, 1_000_000, 1_000_000, false)]
    [InlineData(1_000_001, 1_000_001, 1_000_001, true)]
    [InlineData(1_000_000, 1_000_000, 1_000_001, true)]
    [InlineData(900_000, 1_100_000, 999_999, false)]
    [InlineData(0, 0, 3_000_003, true)]
    public void TheAverageMustBeMoreThanOneMillionSoExactlyOneMillionFails(long y2023, long y2024, long y2025, bool qualifies)
    {
        var scenario = WithTax((2023, y2023), (2024, y2024), (2025, y2025));

        var evaluation = Evaluate(scenario);

        Assert.Equal(qualifies, evaluation.Passed);
        Assert.Equal(qualifies, Condition(evaluation, "average-annual-tax"));
        Assert.Same(evaluation, scenario.State.TalentIntroductionPreference);
    }

    [Fact]
    public void TaxFiguresWhoseTotalExceedsALongAreAddedExactlyRatherThanFailingTheEvaluation()
    {
        var scenario = WithTax((2023, long.MaxValue), (2024, long.MaxValue), (2025, long.MaxValue));

        var evaluation = Evaluate(scenario);

        Assert.True(Condition(evaluation, "average-annual-tax"));
        Assert.Contains("totals CNY 27,670,116,110,564,327,421", evaluation.Conditions.Single(c => c.Code == "average-annual-tax").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheLastThreeFullYearsCount()
    {
        // Evaluated in 2026: 2022 and the unfinished 2026 lie outside 2023-2025.
        var scenario = WithTax((2022, 50_000_000), (2023, 1_000_000), (2024, 1_000_000), (2025, 1_000_000), (2026, 50_000_000));

        Assert.False(Condition(Evaluate(scenario), "average-annual-tax"));
    }

    [Fact]
    public void AWeakYearBeforeTheWindowDoesNotHoldTheEnterpriseBack()
    {
        var scenario = WithTax((2022, 0), (2023, 1_200_000), (2024, 1_200_000), (2025, 1_200_000));

        Assert.True(Evaluate(scenario).Passed);
    }

    [Fact]
    public void AYearWithoutRecordedTaxFailsRatherThanCountingAsZero()
    {
        var scenario = WithTax((2024, 5_000_000), (2025, 5_000_000));

        var evaluation = Evaluate(scenario);

        Assert.False(evaluation.Passed);
        Assert.False(Condition(evaluation, "tax-years-recorded"));
        Assert.True(Condition(evaluation, "average-annual-tax"));
    }

    [Fact]
    public void ABusinessScopeOutOfLineWithTheIndustrialOrientationFails()
    {
        var scenario = WithTax((2023, 2_000_000), (2024, 2_000_000), (2025, 2_000_000));

        var evaluation = Evaluate(scenario, inLine: false);

        Assert.False(evaluation.Passed);
        Assert.False(Condition(evaluation, "business-scope-in-line"));
    }

    [Fact]
    public void ThresholdsAndVersionComeFromTheRuleSet()
    {
        var rules = new RuleSet { Version = "test-9", PreferentialAverageAnnualTaxCny = 500_000, PreferentialTaxYears = 2 };
        var scenario = EnterpriseScenarios.Registered(rules);
        scenario.Accept<MilestoneRecorded>(new RecordMilestone(MilestoneKind.TaxPaid, 500_001, 2024), "operator:park-zgc-01");
        scenario.Accept<MilestoneRecorded>(new RecordMilestone(MilestoneKind.TaxPaid, 500_001, 2025), "operator:park-zgc-01");

        var evaluation = Evaluate(scenario);

        Assert.True(evaluation.Passed);
        Assert.Equal("test-9", evaluation.RuleSetVersion);
    }

    [Fact]
    public void OnlyAnOfficerMayEvaluate()
    {
        var scenario = WithTax((2023, 2_000_000), (2024, 2_000_000), (2025, 2_000_000));

        Assert.Equal("not-an-officer", scenario.Reject(new EvaluateTalentIntroductionPreference(true), "operator:park-zgc-01"));
    }

    [Fact]
    public void TheEnterpriseStateWithAnEvaluationSurvivesAJsonRoundTrip()
    {
        var grain = new EnterpriseDecider(new RuleSet());
        var scenario = WithTax((2023, 2_000_000), (2024, 2_000_000), (2025, 2_000_000));
        Evaluate(scenario);

        var copy = JsonSerializer.Deserialize<EnterpriseState>(JsonSerializer.Serialize(scenario.State, grain.Json), grain.Json)!;

        Assert.Equal(2_000_000, copy.TaxPaidByYear[2024]);
        Assert.Equal(scenario.State.TalentIntroductionPreference!.Explain(), copy.TalentIntroductionPreference!.Explain());
        Assert.Equal(scenario.State.Registration!.FounderApplicantKeys, copy.Registration!.FounderApplicantKeys);
    }
}
