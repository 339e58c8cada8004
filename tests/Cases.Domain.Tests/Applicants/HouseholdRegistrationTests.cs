using Cases.Domain.Applicants;
using Cases.Domain.Rules;
using static Cases.Domain.Tests.Applicants.ApplicantProfiles;

namespace Cases.Domain.Tests.Applicants;

public sealed class HouseholdRegistrationTests
{
    private const string Officer = ApplicantHarness.Officer;

    private static HouseholdRegistrationApplied Apply(ApplicantHarness h, bool byEmployer = false, params string[] dependants) =>
        h.Accept<HouseholdRegistrationApplied>(new ApplyForHouseholdRegistration("H-1", byEmployer, dependants));

    private static HouseholdRegistrationApplied Apply(ApplicantProfile profile) => Apply(new ApplicantHarness().Register(profile));

    private static Evaluation PathOf(HouseholdRegistrationApplied e, string path) => Assert.Single(e.Paths, p => p.Path == path).Evaluation;

    private static Condition ConditionOf(HouseholdRegistrationApplied e, string path, string code) =>
        Assert.Single(PathOf(e, path).Conditions, c => c.Code == code);

    private static void AssertOnlyPath(HouseholdRegistrationApplied e, string path)
    {
        Assert.True(e.Evaluation.Passed);
        Assert.Equal([path], e.Paths.Where(p => p.Evaluation.Passed).Select(p => p.Path));
    }

    [Fact]
    public void PathAAlonePassesForAFullTimeMasterInComputerScienceFromATop200University()
    {
        var e = Apply(Baseline());
        AssertOnlyPath(e, "A");
        Assert.Equal(["A-full-time-in-city", "A-stem-degree-from-ranked-university", "A-abroad-at-least-one-year", "A-returned-recently"],
            PathOf(e, "A").Conditions.Select(c => c.Code));
    }

    [Theory]
    [InlineData(200, "finance", true)]
    [InlineData(201, "finance", false)]
    [InlineData(201, "artificial-intelligence", true)]
    [InlineData(500, "integrated-circuits", true)]
    [InlineData(501, "artificial-intelligence", false)]
    public void PathAUniversityRankLimitIs200RelaxedTo500InKeyIndustries(int rank, string industry, bool passes)
    {
        var e = Apply(WithMaster(rank, industry));
        var c = ConditionOf(e, "A", "A-stem-degree-from-ranked-university");
        Assert.Equal(passes, c.Passed);
        Assert.Equal(passes, PathOf(e, "A").Passed);
        Assert.Contains($"university rank {rank}", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PathARankFailureExplainsTheLimitAndTheIndustry()
    {
        var c = ConditionOf(Apply(WithMaster(201)), "A", "A-stem-degree-from-ranked-university");
        Assert.Equal("best qualifying degree: master in 电气工程 (0808, engineering: STEM; US, 2023-09-01, university rank 201); " +
            "rank 200 or better is required (finance is not a key industry)", c.Reason);
    }

    [Fact]
    public void PathANeedsAStemOrMedicalFieldAndAKnownRank()
    {
        Assert.False(ConditionOf(Apply(WithMaster(10, field: "law")), "A", "A-stem-degree-from-ranked-university").Passed);
        Assert.True(ConditionOf(Apply(WithMaster(10, field: "medicine")), "A", "A-stem-degree-from-ranked-university").Passed);
        Assert.False(ConditionOf(Apply(WithMaster(null)), "A", "A-stem-degree-from-ranked-university").Passed);
    }

    [Theory]
    [InlineData("计算机科学与技术")]
    [InlineData("computer science")]
    [InlineData("electrical engineering")]
    [InlineData("clinical medicine")]
    [InlineData("0812")]
    public void PathAPassesForAMasterInAStemOrMedicalSubjectWrittenAsApplicantsWriteIt(string field)
    {
        var c = ConditionOf(Apply(WithMaster(150, field: field)), "A", "A-stem-degree-from-ranked-university");
        Assert.True(c.Passed, c.Reason);
    }

    [Fact]
    public void PathAReasonNamesTheSubjectItsCodeItsCategoryAndItsClass()
    {
        var c = ConditionOf(Apply(WithMaster(150, field: "计算机科学与技术")), "A", "A-stem-degree-from-ranked-university");
        Assert.Equal("best qualifying degree: master in 计算机科学与技术 (0812, engineering: STEM; US, 2023-09-01, university rank 150); " +
            "rank 200 or better is required (finance is not a key industry)", c.Reason);
    }

    [Fact]
    public void PathAFailsForAMasterInBusinessAdministrationAndTheReasonSaysItIsOther()
    {
        var c = ConditionOf(Apply(WithMaster(10, field: "工商管理")), "A", "A-stem-degree-from-ranked-university");
        Assert.False(c.Passed);
        Assert.Equal("holds no master's degree or above in a STEM or medical subject: master in 工商管理 (1251, management: other)", c.Reason);
    }

    [Fact]
    public void PathACountsAMedicalMasterAndNamesItMedical()
    {
        var c = ConditionOf(Apply(WithMaster(50, field: "临床医学")), "A", "A-stem-degree-from-ranked-university");
        Assert.True(c.Passed);
        Assert.StartsWith("best qualifying degree: master in 临床医学 (1002, medicine: medical; US,", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PathBCountsResearchInAStemSubjectWrittenInChineseAndNamesEachStay()
    {
        var physics = DomesticPhdWithPostDoc() with
        {
            ResearchAbroad = [new ResearchPeriod(ResearchKind.PostDoctoral, "凝聚态物理", new DateOnly(2021, 9, 1), new DateOnly(2023, 9, 1))],
        };
        var c = ConditionOf(Apply(physics), "B", "B-research-abroad-over-one-year");
        Assert.True(c.Passed);
        Assert.Equal("spent 730 days in post-doctoral research or academic visits abroad in STEM or medical subjects " +
            "(730 days in 物理学 (0702, science: STEM)); more than 365 are required", c.Reason);
    }

    [Fact]
    public void PathBDoesNotCountResearchInAHistorySubjectAndSaysWhy()
    {
        var history = DomesticPhdWithPostDoc() with
        {
            ResearchAbroad = [new ResearchPeriod(ResearchKind.AcademicVisit, "中国史", new DateOnly(2021, 9, 1), new DateOnly(2023, 9, 1))],
        };
        var c = ConditionOf(Apply(history), "B", "B-research-abroad-over-one-year");
        Assert.False(c.Passed);
        Assert.Contains("spent 0 days", c.Reason, StringComparison.Ordinal);
        Assert.Contains("730 days in 中国史 (0602, history: other)", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PathACountsExactlyOneYearAbroadAsAtLeastOneYearButNot364Days()
    {
        Assert.True(ConditionOf(Apply(StudiedDays(365)), "A", "A-abroad-at-least-one-year").Passed);
        var c = ConditionOf(Apply(StudiedDays(364)), "A", "A-abroad-at-least-one-year");
        Assert.False(c.Passed);
        Assert.Equal("studied abroad 364 days in total; at least 365 are required", c.Reason);
    }

    [Fact]
    public void PathANeedsFullTimeEmploymentAndAReturnWithinThreeYearsToTheDay()
    {
        var partTime = Apply(Baseline() with { Employer = new Employment("Acme", "haidian", false, "finance") });
        Assert.False(ConditionOf(partTime, "A", "A-full-time-in-city").Passed);
        Assert.True(PathOf(Apply(Baseline() with { ReturnedOn = new DateOnly(2022, 6, 1) }), "A").Passed);
        Assert.False(ConditionOf(Apply(Baseline() with { ReturnedOn = new DateOnly(2022, 5, 31) }), "A", "A-returned-recently").Passed);
    }

    [Fact]
    public void PathBAlonePassesForADomesticPhdWithOverAYearOfPostDocAbroadInScience()
    {
        var e = Apply(DomesticPhdWithPostDoc());
        AssertOnlyPath(e, "B");
        Assert.Contains("spent 730 days in post-doctoral research", ConditionOf(e, "B", "B-research-abroad-over-one-year").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PathBNeedsMoreThan365DaysOfStemResearchAbroad()
    {
        var exactYear = DomesticPhdWithPostDoc() with
        {
            ResearchAbroad = [new ResearchPeriod(ResearchKind.AcademicVisit, "medicine", new DateOnly(2022, 1, 1), new DateOnly(2023, 1, 1))],
        };
        Assert.False(ConditionOf(Apply(exactYear), "B", "B-research-abroad-over-one-year").Passed);
        var nonStem = DomesticPhdWithPostDoc() with
        {
            ResearchAbroad = [new ResearchPeriod(ResearchKind.PostDoctoral, "history", new DateOnly(2021, 9, 1), new DateOnly(2023, 9, 1))],
        };
        Assert.False(ConditionOf(Apply(nonStem), "B", "B-research-abroad-over-one-year").Passed);
    }

    [Fact]
    public void PathCAlonePassesForAChinesePassportPermitHolderWithAMasterAppliedForByTheEmployer()
    {
        var h = new ApplicantHarness().WithApprovedPermit(WithMaster(400));
        var e = Apply(h, byEmployer: true);
        AssertOnlyPath(e, "C");
        Assert.Equal("holds the approved Residence and Work Permit P-1", ConditionOf(e, "C", "C-holds-permit").Reason);
    }

    [Fact]
    public void PathCFailsWhenNotAppliedForByTheEmployerOrWithoutAnApprovedPermit()
    {
        var noEmployer = Apply(new ApplicantHarness().WithApprovedPermit(WithMaster(400)), byEmployer: false);
        Assert.False(noEmployer.Evaluation.Passed);
        Assert.False(ConditionOf(noEmployer, "C", "C-applied-by-employer").Passed);
        var noPermit = Apply(new ApplicantHarness().Register(WithMaster(400)), byEmployer: true);
        Assert.False(noPermit.Evaluation.Passed);
        Assert.Equal("holds no approved Residence and Work Permit", ConditionOf(noPermit, "C", "C-holds-permit").Reason);
    }

    [Fact]
    public void PathCAcceptsASeniorTitleBeforeGoingAbroadInsteadOfAMaster()
    {
        var h = new ApplicantHarness().WithApprovedPermit(Baseline() with
        {
            Degrees = [new Degree(DegreeLevel.Bachelor, "CN", "机械工程", null, new DateOnly(2005, 6, 1), false)],
            TitleBeforeAbroad = ProfessionalTitle.Senior,
        });
        Assert.True(ConditionOf(Apply(h, byEmployer: true), "C", "C-master-or-senior-title").Passed);
    }

    [Fact]
    public void TheEventExplainsEveryPathInWordsUnderTheRuleSetVersion()
    {
        var h = new ApplicantHarness().Register(Baseline() with { ReturnedOn = new DateOnly(2021, 1, 1) });
        var e = Apply(h);
        Assert.False(e.Evaluation.Passed);
        Assert.Equal(ApplicationStatus.Ineligible, h.State.HouseholdRegistration!.Status);
        Assert.Equal("2024.3", e.Evaluation.RuleSetVersion);
        var text = e.Evaluation.Explain();
        Assert.StartsWith("Not met under rules 2024.3: failed path-A (returnee-measures-2024 item 3 (path A)): not met: returned on 2021-01-01;", text, StringComparison.Ordinal);
        Assert.Contains("failed path-B (returnee-measures-2024 item 3 (path B)): not met: holds no doctorate obtained in China;", text, StringComparison.Ordinal);
        Assert.Contains("failed path-C (returnee-measures-2024 item 3 (path C); Art. 18): not met: holds no approved Residence and Work Permit; " +
            "not applied for by the employer, as Art. 18 requires", text, StringComparison.Ordinal);
        Assert.Contains("passed A-full-time-in-city (returnee-measures-2024 item 3 (path A)): employed full-time by Zhongguancun Capital in haidian",
            PathOf(e, "A").Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void AChildWhoTurned18TheDayBeforeIsExcludedOneTurning18TheDayAfterIsIncluded()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Accept<DependantAdded>(new AddDependant(new Dependant("S-1", DependantRelation.Spouse, "Zhang Min")));
        h.Accept<DependantAdded>(new AddDependant(new Dependant("C-old", DependantRelation.Child, "Li Da", new DateOnly(2007, 5, 31))));
        h.Accept<DependantAdded>(new AddDependant(new Dependant("C-today", DependantRelation.Child, "Li Er", new DateOnly(2007, 6, 1))));
        h.Accept<DependantAdded>(new AddDependant(new Dependant("C-young", DependantRelation.Child, "Li Xiao", new DateOnly(2007, 6, 2))));
        var e = Apply(h, false, "S-1", "C-old", "C-today", "C-young");
        Assert.Equal([true, false, false, true], e.Dependants.Select(d => d.Included));
        Assert.Equal("a child born 2007-05-31 turned 18 on 2025-05-31, on or before 2025-06-01; only children under 18 may apply",
            e.Dependants[1].Reason);
        Assert.Equal("a child born 2007-06-02 is under 18 on 2025-06-01 (comes of age 2025-06-02)", e.Dependants[3].Reason);
        Assert.Equal(["S-1", "C-young"], h.State.HouseholdRegistration!.IncludedDependantIds);
    }

    [Fact]
    public void AnOfficerApprovesWithTheIncludedDependantsAndOutOfOrderDecisionsAreRejected()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Reject(new ApproveHouseholdRegistration("H-1", "ok"), ApplicantRejections.HouseholdRegistrationNotApplied, Officer);
        h.Accept<DependantAdded>(new AddDependant(new Dependant("S-1", DependantRelation.Spouse, "Zhang Min")));
        h.Reject(new ApplyForHouseholdRegistration("H-1", false, ["X-9"]), ApplicantRejections.UnknownDependant);
        Apply(h, false, "S-1");
        h.Reject(new ApplyForHouseholdRegistration("H-2", false, []), ApplicantRejections.HouseholdRegistrationPending);
        h.Reject(new ApproveHouseholdRegistration("H-1", "ok"), ApplicantRejections.NotAnOfficer);
        var approved = h.Accept<HouseholdRegistrationApproved>(new ApproveHouseholdRegistration("H-1", "path A verified"), Officer);
        Assert.Equal(["S-1"], approved.DependantIds);
        Assert.Equal(("2024.3", Officer, ApplicantHarness.Today), (approved.RuleSetVersion, approved.DecidedBy, approved.ApprovedOn));
        h.Reject(new ApproveHouseholdRegistration("H-1", "ok"), ApplicantRejections.HouseholdRegistrationAlreadyDecided, Officer);
        h.Reject(new RejectHouseholdRegistration("H-1", "no"), ApplicantRejections.HouseholdRegistrationAlreadyDecided, Officer);
        h.Reject(new ApplyForHouseholdRegistration("H-2", false, []), ApplicantRejections.HouseholdRegistrationAlreadyApproved);
    }

    [Fact]
    public void AnApplicationMeetingNoPathCannotBeApprovedButARejectedOneMayBeReapplied()
    {
        var h = new ApplicantHarness().Register(Baseline() with { Employer = null });
        Assert.False(Apply(h).Evaluation.Passed);
        h.Reject(new ApproveHouseholdRegistration("H-1", "ok"), ApplicantRejections.HouseholdRegistrationIneligible, Officer);
        h.Accept<ProfileUpdated>(new UpdateProfile(Baseline()));
        Assert.True(h.Accept<HouseholdRegistrationApplied>(new ApplyForHouseholdRegistration("H-2", false, [])).Evaluation.Passed);
        h.Reject(new RejectHouseholdRegistration("H-2", ""), ApplicantRejections.ReasonRequired, Officer);
        h.Accept<HouseholdRegistrationRejected>(new RejectHouseholdRegistration("H-2", "employment unverified"), Officer);
        Assert.True(h.Accept<HouseholdRegistrationApplied>(new ApplyForHouseholdRegistration("H-3", false, [])).Evaluation.Passed);
    }
}
