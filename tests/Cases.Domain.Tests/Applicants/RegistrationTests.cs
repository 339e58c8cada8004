using Cases.Domain.Applicants;
using static Cases.Domain.Tests.Applicants.ApplicantProfiles;

namespace Cases.Domain.Tests.Applicants;

public sealed class RegistrationTests
{
    [Fact]
    public void RegisteringRecordsTheProfileAndWhoRegisteredIt()
    {
        var h = new ApplicantHarness();
        var e = h.Accept<ApplicantRegistered>(new RegisterApplicant(Baseline()));
        Assert.Equal(ApplicantHarness.Self, e.By);
        Assert.Equal("haidian", h.State.Profile!.HomeDistrict);
    }

    [Fact]
    public void AProfileWhoseIdentityDocumentIsNotTheGrainKeyIsRejected()
    {
        var h = new ApplicantHarness();
        h.Reject(new RegisterApplicant(Baseline() with { IdentityDocument = "P-OTHER" }), ApplicantRejections.IdentityMismatch);
    }

    [Fact]
    public void RegisteringTwiceIsRejected()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Reject(new RegisterApplicant(Baseline()), ApplicantRejections.AlreadyRegistered);
    }

    [Fact]
    public void APeriodAbroadEndingBeforeItStartsIsRejected()
    {
        var h = new ApplicantHarness();
        var bad = Baseline() with { StudyAbroad = [new StudyPeriod(new DateOnly(2023, 1, 1), new DateOnly(2022, 1, 1))] };
        h.Reject(new RegisterApplicant(bad), ApplicantRejections.InvalidProfile);
    }

    [Fact]
    public void AFieldThatNamesNoDisciplineOfTheCatalogueIsRejectedNamingIt()
    {
        var h = new ApplicantHarness();
        var bad = Baseline() with { Degrees = [new Degree(DegreeLevel.Master, "GB", "underwater basket weaving", 150, new DateOnly(2023, 9, 1), true)] };
        var r = h.Reject(new RegisterApplicant(bad), ApplicantRejections.InvalidProfile);
        Assert.Contains("'underwater basket weaving' (degrees[0].field)", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUpdateWhoseResearchFieldNamesNoDisciplineIsRejected()
    {
        var h = new ApplicantHarness().Register(Baseline());
        var bad = Baseline() with { ResearchAbroad = [new ResearchPeriod(ResearchKind.PostDoctoral, "alchemy", new DateOnly(2021, 9, 1), new DateOnly(2023, 9, 1))] };
        var r = h.Reject(new UpdateProfile(bad), ApplicantRejections.InvalidProfile);
        Assert.Contains("(researchAbroad[0].field)", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyCommandToAnUnregisteredApplicantIsRejectedAsUnknown()
    {
        var h = new ApplicantHarness();
        var r = h.Reject(new ApplyForRecognition("R-1"), ApplicantRejections.UnknownApplicant);
        Assert.Contains(ApplicantHarness.Key, r.Message, StringComparison.Ordinal);
        h.Reject(new ApprovePermit("P-1", "ok"), ApplicantRejections.UnknownApplicant, ApplicantHarness.Officer);
    }

    [Fact]
    public void UpdatingTheProfileReplacesIt()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Accept<ProfileUpdated>(new UpdateProfile(Baseline() with { HomeDistrict = "xicheng" }));
        Assert.Equal("xicheng", h.State.Profile!.HomeDistrict);
    }

    [Fact]
    public void DependantsAreAddedButASecondSpouseOrAChildWithoutBirthDateIsRejected()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Accept<DependantAdded>(new AddDependant(new Dependant("S-1", DependantRelation.Spouse, "Zhang Min")));
        h.Reject(new AddDependant(new Dependant("S-2", DependantRelation.Spouse, "Other")), ApplicantRejections.DuplicateDependant);
        h.Reject(new AddDependant(new Dependant("C-1", DependantRelation.Child, "Li Xiao")), ApplicantRejections.InvalidDependant);
        h.Reject(new AddDependant(new Dependant("S-1", DependantRelation.Child, "Li Xiao", new DateOnly(2015, 1, 1))),
            ApplicantRejections.DuplicateDependant);
        Assert.Single(h.State.Dependants);
    }

    [Fact]
    public void AnApplicationIdCannotBeReusedAcrossApplications()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Accept<RecognitionEvaluated>(new ApplyForRecognition("A-1"));
        h.Reject(new ApplyForPermit("A-1", null, "EMP-1"), ApplicantRejections.DuplicateApplication);
    }
}
