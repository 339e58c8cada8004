using Cases.Domain.Applicants;
using static Cases.Domain.Tests.Applicants.ApplicantProfiles;

namespace Cases.Domain.Tests.Applicants;

public sealed class PermitTests
{
    private const string Officer = ApplicantHarness.Officer;

    private static ApplicantHarness Recognised()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Accept<RecognitionEvaluated>(new ApplyForRecognition("R-1"));
        return h;
    }

    private static ApplicantHarness Pending()
    {
        var h = Recognised();
        h.Accept<PermitApplied>(new ApplyForPermit("P-1", "ENT-7", null));
        return h;
    }

    [Fact]
    public void WithoutRecognitionTheApplicationIsRecordedAsNotMetAndCannotBeApproved()
    {
        var h = new ApplicantHarness().Register(Baseline());
        var e = h.Accept<PermitApplied>(new ApplyForPermit("P-1", null, "EMP-1"));
        Assert.False(e.Evaluation.Passed);
        Assert.Contains("failed recognised (overseas-educated-personnel-measures Art. 4): not recognised as overseas-educated personnel",
            e.Evaluation.Explain(), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Ineligible, h.State.Permit!.Status);
        h.Reject(new ApprovePermit("P-1", "ok"), ApplicantRejections.PermitIneligible, Officer);
    }

    [Fact]
    public void WithoutAnEmployerCertificateOrBusinessLicenceTheApplicationIsNotMet()
    {
        var e = Recognised().Accept<PermitApplied>(new ApplyForPermit("P-1", " ", null));
        Assert.False(e.Evaluation.Passed);
        Assert.Equal("neither an employer's certificate nor a business licence was supplied", Assert.Single(e.Evaluation.Failed).Reason);
    }

    [Fact]
    public void ABusinessLicenceOrAnEmployerCertificateEachSuffice()
    {
        Assert.True(Recognised().Accept<PermitApplied>(new ApplyForPermit("P-1", "ENT-7", null)).Evaluation.Passed);
        Assert.True(Recognised().Accept<PermitApplied>(new ApplyForPermit("P-1", null, "EMP-1")).Evaluation.Passed);
    }

    [Fact]
    public void AnOfficerApprovalCarriesTheHomeDistrictDateRuleVersionOfficerAndReason()
    {
        var h = Pending();
        var e = h.Accept<PermitApproved>(new ApprovePermit("P-1", "documents verified"), Officer);
        Assert.Equal(new PermitApproved("P-1", "haidian", ApplicantHarness.Today, "2024.3", Officer, "documents verified"), e);
        Assert.True(h.State.HoldsPermit);
    }

    [Theory]
    [InlineData(ApplicantHarness.Self)]
    [InlineData("officerwang")]
    [InlineData("officer:")]
    [InlineData("system")]
    public void OnlyAnOfficerMayApproveRejectOrRevoke(string actor)
    {
        var h = Pending();
        h.Reject(new ApprovePermit("P-1", "ok"), ApplicantRejections.NotAnOfficer, actor);
        h.Reject(new RejectPermit("P-1", "no"), ApplicantRejections.NotAnOfficer, actor);
        h.Accept<PermitApproved>(new ApprovePermit("P-1", "ok"), Officer);
        h.Reject(new RevokePermit("P-1", "fraud"), ApplicantRejections.NotAnOfficer, actor);
    }

    [Fact]
    public void ApprovingAPermitNeverAppliedForIsRejected()
    {
        Recognised().Reject(new ApprovePermit("P-1", "ok"), ApplicantRejections.PermitNotApplied, Officer);
        Pending().Reject(new ApprovePermit("P-9", "ok"), ApplicantRejections.PermitNotApplied, Officer);
    }

    [Fact]
    public void ApprovingTwiceIsRejected()
    {
        var h = Pending();
        h.Accept<PermitApproved>(new ApprovePermit("P-1", "ok"), Officer);
        h.Reject(new ApprovePermit("P-1", "ok"), ApplicantRejections.PermitAlreadyDecided, Officer);
    }

    [Fact]
    public void ARejectedApplicationCannotThenBeApprovedAndARejectionNeedsAReason()
    {
        var h = Pending();
        h.Reject(new RejectPermit("P-1", ""), ApplicantRejections.ReasonRequired, Officer);
        var e = h.Accept<PermitRejected>(new RejectPermit("P-1", "certificate forged"), Officer);
        Assert.Equal("certificate forged", e.Reason);
        h.Reject(new ApprovePermit("P-1", "ok"), ApplicantRejections.PermitAlreadyDecided, Officer);
    }

    [Fact]
    public void ApplyingWhileAnApplicationIsPendingOrAPermitIsHeldIsRejected()
    {
        var h = Pending();
        h.Reject(new ApplyForPermit("P-2", "ENT-7", null), ApplicantRejections.PermitPending);
        h.Accept<PermitApproved>(new ApprovePermit("P-1", "ok"), Officer);
        h.Reject(new ApplyForPermit("P-2", "ENT-7", null), ApplicantRejections.PermitAlreadyHeld);
    }

    [Fact]
    public void RevocationNamesTheDistrictOfTheApprovalEvenAfterAMove()
    {
        var h = Pending();
        h.Accept<PermitApproved>(new ApprovePermit("P-1", "ok"), Officer);
        h.Accept<ProfileUpdated>(new UpdateProfile(Baseline() with { HomeDistrict = "xicheng" }));
        var e = h.Accept<PermitRevoked>(new RevokePermit("P-1", "employment ended"), Officer);
        Assert.Equal(new PermitRevoked("P-1", "haidian", "employment ended", Officer), e);
        Assert.False(h.State.HoldsPermit);
    }

    [Fact]
    public void ARevokedPermitCannotBeApprovedOrRevokedAgainButANewApplicationCanBeApproved()
    {
        var h = Pending();
        h.Accept<PermitApproved>(new ApprovePermit("P-1", "ok"), Officer);
        h.Accept<PermitRevoked>(new RevokePermit("P-1", "employment ended"), Officer);
        h.Reject(new ApprovePermit("P-1", "ok"), ApplicantRejections.RevokedPermit, Officer);
        h.Reject(new RevokePermit("P-1", "again"), ApplicantRejections.RevokedPermit, Officer);
        h.Accept<PermitApplied>(new ApplyForPermit("P-2", null, "EMP-2"));
        Assert.Equal("P-2", h.Accept<PermitApproved>(new ApprovePermit("P-2", "new employer"), Officer).PermitId);
    }

    [Fact]
    public void RevokingAPermitThatIsNotApprovedIsRejectedAndNeedsAReason()
    {
        var h = Pending();
        h.Reject(new RevokePermit("P-1", "fraud"), ApplicantRejections.PermitNotApproved, Officer);
        h.Accept<PermitApproved>(new ApprovePermit("P-1", "ok"), Officer);
        h.Reject(new RevokePermit("P-1", " "), ApplicantRejections.ReasonRequired, Officer);
    }
}
