using Cases.Domain.Applicants;
using static Cases.Domain.Tests.Applicants.ApplicantProfiles;

namespace Cases.Domain.Tests.Applicants;

public sealed class ForeignResidenceTests
{
    private static ApplicantHarness PermitHolder(DateOnly passportExpiry) =>
        new ApplicantHarness().WithApprovedPermit(ForeignPassport(passportExpiry));

    private static ForeignResidenceEvaluated Apply(ApplicantHarness h, ForeignResidenceKind kind, params string[] dependants) =>
        h.Accept<ForeignResidenceEvaluated>(new ApplyForForeignResidence("F-1", kind, dependants));

    [Fact]
    public void AResidencePermitRunsTwoYearsWhenThePassportOutlastsIt()
    {
        var e = Apply(PermitHolder(new DateOnly(2030, 1, 1)), ForeignResidenceKind.ResidencePermit);
        Assert.True(e.Evaluation.Passed);
        var g = Assert.Single(e.Grants);
        Assert.Equal((true, ApplicantHarness.Key, (DateOnly?)ApplicantHarness.Today, (DateOnly?)new DateOnly(2027, 6, 1)),
            (g.Granted, g.PersonId, g.ValidFrom, g.ValidUntil));
    }

    [Fact]
    public void AResidencePermitIsCappedAtThePassportExpiry()
    {
        var g = Assert.Single(Apply(PermitHolder(new DateOnly(2026, 12, 31)), ForeignResidenceKind.ResidencePermit).Grants);
        Assert.Equal(new DateOnly(2026, 12, 31), g.ValidUntil);
        Assert.Equal("residence permit for 2 years would run to 2027-06-01; capped at the passport's expiry on 2026-12-31", g.Reason);
    }

    [Fact]
    public void AMultipleEntryVisaRunsOneYearAndIsCappedAtThePassportExpiry()
    {
        Assert.Equal(new DateOnly(2026, 6, 1), Assert.Single(Apply(PermitHolder(new DateOnly(2030, 1, 1)), ForeignResidenceKind.MultipleEntryVisa).Grants).ValidUntil);
        Assert.Equal(new DateOnly(2026, 3, 1), Assert.Single(Apply(PermitHolder(new DateOnly(2026, 3, 1)), ForeignResidenceKind.MultipleEntryVisa).Grants).ValidUntil);
    }

    [Fact]
    public void SpouseAndMinorChildrenAreGrantedUpToTheirOwnPassportExpiryAndAdultChildrenAreNot()
    {
        var h = PermitHolder(new DateOnly(2030, 1, 1));
        h.Accept<DependantAdded>(new AddDependant(new Dependant("S-1", DependantRelation.Spouse, "Anna", null, PassportKind.Foreign, new DateOnly(2026, 1, 15))));
        h.Accept<DependantAdded>(new AddDependant(new Dependant("C-1", DependantRelation.Child, "Tom", new DateOnly(2012, 3, 3), PassportKind.Foreign, new DateOnly(2031, 1, 1))));
        h.Accept<DependantAdded>(new AddDependant(new Dependant("C-2", DependantRelation.Child, "Ben", new DateOnly(2007, 5, 31), PassportKind.Foreign, new DateOnly(2031, 1, 1))));
        h.Accept<DependantAdded>(new AddDependant(new Dependant("C-3", DependantRelation.Child, "Lan", new DateOnly(2014, 1, 1), PassportKind.Chinese, new DateOnly(2031, 1, 1))));
        var e = Apply(h, ForeignResidenceKind.ResidencePermit, "S-1", "C-1", "C-2", "C-3");
        Assert.Equal(["applicant", "spouse", "child", "child", "child"], e.Grants.Select(g => g.Role));
        Assert.Equal([true, true, true, false, false], e.Grants.Select(g => g.Granted));
        Assert.Equal(new DateOnly(2026, 1, 15), e.Grants[1].ValidUntil);
        Assert.Equal(new DateOnly(2027, 6, 1), e.Grants[2].ValidUntil);
        Assert.Contains("turned 18 on 2025-05-31", e.Grants[3].Reason, StringComparison.Ordinal);
        Assert.Equal("not granted: the dependant holds no foreign passport", e.Grants[4].Reason);
    }

    [Fact]
    public void AChinesePassportHolderIsRefusedWithTheReason()
    {
        var h = new ApplicantHarness().WithApprovedPermit(Baseline());
        var e = Apply(h, ForeignResidenceKind.ResidencePermit);
        Assert.False(e.Evaluation.Passed);
        var failed = Assert.Single(e.Evaluation.Failed);
        Assert.Equal("foreign-passport", failed.Code);
        Assert.Contains("holds a Chinese passport", failed.Reason, StringComparison.Ordinal);
        Assert.False(Assert.Single(e.Grants).Granted);
        Assert.Null(e.Grants[0].ValidUntil);
    }

    [Fact]
    public void WithoutAnApprovedPermitNothingIsGranted()
    {
        var h = new ApplicantHarness().Register(ForeignPassport(new DateOnly(2030, 1, 1)));
        var e = Apply(h, ForeignResidenceKind.MultipleEntryVisa);
        Assert.Equal(["holds-permit"], e.Evaluation.Failed.Select(c => c.Code));
        Assert.Contains("failed holds-permit (overseas-educated-personnel-measures Art. 17)", e.Evaluation.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpiredPassportIsRefused()
    {
        var h = PermitHolder(new DateOnly(2030, 1, 1));
        h.Accept<ProfileUpdated>(new UpdateProfile(ForeignPassport(ApplicantHarness.Today)));
        var e = Apply(h, ForeignResidenceKind.ResidencePermit);
        Assert.Equal("the passport expired on 2025-06-01, by the application on 2025-06-01", Assert.Single(e.Evaluation.Failed).Reason);
    }
}
