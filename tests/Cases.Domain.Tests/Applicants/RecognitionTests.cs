using Cases.Domain.Applicants;
using Cases.Domain.Rules;
using static Cases.Domain.Tests.Applicants.ApplicantProfiles;

namespace Cases.Domain.Tests.Applicants;

public sealed class RecognitionTests
{
    private static RecognitionEvaluated Evaluate(ApplicantProfile profile, RuleSet? rules = null) =>
        new ApplicantHarness(rules).Register(profile).Accept<RecognitionEvaluated>(new ApplyForRecognition("R-1"));

    private static Condition ConditionOf(RecognitionEvaluated e, string code) =>
        Assert.Single(e.Evaluation.Conditions, c => c.Code == code);

    [Fact]
    public void TheBaselineApplicantIsRecognisedWithoutAnOfficer()
    {
        var h = new ApplicantHarness().Register(Baseline());
        var e = h.Accept<RecognitionEvaluated>(new ApplyForRecognition("R-1"));
        Assert.True(e.Evaluation.Passed);
        Assert.Equal(new RecognitionRecord("R-1", ApplicantHarness.Today, "2024.3"), h.State.Recognition);
    }

    [Fact]
    public void Exactly365DaysAbroadIsNotMoreThanOneYear()
    {
        var e = Evaluate(StudiedDays(365));
        Assert.False(e.Evaluation.Passed);
        var c = ConditionOf(e, "abroad-more-than-one-year");
        Assert.False(c.Passed);
        Assert.Equal("studied abroad 365 days in total; more than 365 are required", c.Reason);
    }

    [Fact]
    public void ThreeHundredSixtySixDaysAbroadIsMoreThanOneYear()
    {
        var e = Evaluate(StudiedDays(366));
        Assert.True(ConditionOf(e, "abroad-more-than-one-year").Passed);
        Assert.True(e.Evaluation.Passed);
    }

    [Fact]
    public void StudyPeriodsAreSummed()
    {
        var split = Baseline() with
        {
            StudyAbroad =
            [
                new StudyPeriod(new DateOnly(2022, 1, 1), new DateOnly(2022, 7, 1)),
                new StudyPeriod(new DateOnly(2022, 9, 1), new DateOnly(2023, 3, 1)),
            ],
        };
        Assert.Contains("studied abroad 362 days", ConditionOf(Evaluate(split), "abroad-more-than-one-year").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReturnedThreeYearsAgoToTheDayIsRecent()
    {
        var e = Evaluate(Baseline() with { ReturnedOn = new DateOnly(2022, 6, 1) });
        Assert.True(ConditionOf(e, "returned-recently").Passed);
        Assert.True(e.Evaluation.Passed);
    }

    [Fact]
    public void ReturnedThreeYearsAndOneDayAgoIsNotRecent()
    {
        var e = Evaluate(Baseline() with { ReturnedOn = new DateOnly(2022, 5, 31) });
        var c = ConditionOf(e, "returned-recently");
        Assert.False(c.Passed);
        Assert.Equal("returned on 2022-05-31; a return within 3 years of the application on 2025-06-01 (on or after 2022-06-01) is required", c.Reason);
        Assert.False(e.Evaluation.Passed);
    }

    [Fact]
    public void AForeignNationalIsNotRecognised()
    {
        var e = Evaluate(Baseline() with { Nationality = "US", Passport = PassportKind.Foreign });
        Assert.False(e.Evaluation.Passed);
        Assert.Equal("nationality when going abroad was US; only Chinese nationals (CN) who studied abroad are covered", ConditionOf(e, "chinese-national").Reason);
    }

    [Fact]
    public void AReturneeWhoWentAbroadAsAChineseNationalAndNaturalisedIsRecognisedOnTheDepartureNationality()
    {
        var e = Evaluate(Baseline() with { Nationality = "US", NationalityAtDeparture = "CN", Passport = PassportKind.Foreign });
        Assert.True(e.Evaluation.Passed, e.Evaluation.Explain());
        Assert.Equal("went abroad as a Chinese national (nationality when going abroad CN, now US)", ConditionOf(e, "chinese-national").Reason);
    }

    [Fact]
    public void SomeoneWhoWentAbroadAsAForeignerAndIsChineseNowIsNotCoveredByArticle1()
    {
        var e = Evaluate(Baseline() with { Nationality = "CN", NationalityAtDeparture = "SG" });
        Assert.False(ConditionOf(e, "chinese-national").Passed);
        Assert.Contains("was SG, now CN", ConditionOf(e, "chinese-national").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AChineseNationalRecordedWithAForeignPassportIsRefusedAtRegistration()
    {
        var h = new ApplicantHarness();
        h.Reject(new RegisterApplicant(Baseline() with { Passport = PassportKind.Foreign }), "invalid-profile");
    }

    [Fact]
    public void ABachelorAbroadWithoutTitleOrPriorDoctorateLacksTheQualification()
    {
        var e = Evaluate(WithMaster(150) with { Degrees = [new Degree(DegreeLevel.Bachelor, "US", "mathematics", 10, new DateOnly(2023, 6, 1), true)] });
        Assert.False(ConditionOf(e, "qualification").Passed);
        Assert.False(e.Evaluation.Passed);
    }

    [Fact]
    public void AnIntermediateTitleBeforeGoingAbroadQualifies()
    {
        var e = Evaluate(Baseline() with
        {
            Degrees = [new Degree(DegreeLevel.Bachelor, "CN", "化学", null, new DateOnly(2010, 6, 1), false)],
            TitleBeforeAbroad = ProfessionalTitle.Intermediate,
        });
        Assert.True(e.Evaluation.Passed);
        Assert.Equal("overseas-educated-personnel-measures Art. 1 (2)", ConditionOf(e, "qualification").Source);
    }

    [Fact]
    public void ADoctorateObtainedBeforeAPostDocAbroadQualifiesAndThePostDocCountsAsTimeAbroad()
    {
        var e = Evaluate(DomesticPhdWithPostDoc());
        Assert.True(e.Evaluation.Passed);
        Assert.Equal("overseas-educated-personnel-measures Art. 1 (3)", ConditionOf(e, "qualification").Source);
        Assert.Contains("730 days in total (0 studying, 730 in research)", ConditionOf(e, "abroad-more-than-one-year").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDecisionExplainsWhichConditionsPassedAndFailedUnderTheRuleSetVersion()
    {
        var rules = new RuleSet { Version = "2025.2-test", StudyAbroadMoreThanDays = 800 };
        var e = Evaluate(Baseline() with { Nationality = "US", Passport = PassportKind.Foreign }, rules);
        Assert.Equal("2025.2-test", e.Evaluation.RuleSetVersion);
        var text = e.Evaluation.Explain();
        Assert.StartsWith("Not met under rules 2025.2-test: ", text, StringComparison.Ordinal);
        Assert.Contains("failed chinese-national (overseas-educated-personnel-measures Art. 1): nationality when going abroad was US", text, StringComparison.Ordinal);
        Assert.Contains("failed abroad-more-than-one-year (overseas-educated-personnel-measures Art. 1): studied abroad 730 days in total; more than 800 are required", text, StringComparison.Ordinal);
        Assert.Contains("passed returned-recently", text, StringComparison.Ordinal);
        Assert.Contains("passed qualification (overseas-educated-personnel-measures Art. 1 (1)): holds a master in 计算机科学与技术 (0812, engineering: STEM; GB, 2023-09-01, university rank 150) obtained abroad", text, StringComparison.Ordinal);
        Assert.Equal(["chinese-national", "abroad-more-than-one-year"], e.Evaluation.Failed.Select(c => c.Code));
    }

    [Fact]
    public void AFailedRecognitionLeavesTheApplicantUnrecognisedAndMayBeRetriedAfterAProfileFix()
    {
        var h = new ApplicantHarness().Register(StudiedDays(365));
        Assert.False(h.Accept<RecognitionEvaluated>(new ApplyForRecognition("R-1")).Evaluation.Passed);
        Assert.Null(h.State.Recognition);
        h.Accept<ProfileUpdated>(new UpdateProfile(StudiedDays(400)));
        Assert.True(h.Accept<RecognitionEvaluated>(new ApplyForRecognition("R-2")).Evaluation.Passed);
        Assert.Equal("R-2", h.State.Recognition!.ApplicationId);
    }

    [Fact]
    public void ApplyingAgainOnceRecognisedIsRejected()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Accept<RecognitionEvaluated>(new ApplyForRecognition("R-1"));
        h.Reject(new ApplyForRecognition("R-2"), ApplicantRejections.AlreadyRecognised);
    }
}
