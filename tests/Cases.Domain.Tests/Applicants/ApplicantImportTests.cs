using Cases.Domain.Applicants;
using Cases.Domain.Imports;
using static Cases.Domain.Tests.Applicants.ApplicantProfiles;

namespace Cases.Domain.Tests.Applicants;

public sealed class ApplicantImportTests
{
    private const string Admin = "admin:root";
    private static readonly DateOnly Issued = new(2019, 3, 1);
    private static readonly ImportSource Row17 = new() { System = "haidian-permits", RowId = "17" };

    private static ImportPermit Permit(ApplicantProfile? profile = null, string permitId = "RWP-2019-17", DateOnly? on = null) =>
        new(profile ?? WithMaster(400), permitId, "haidian", on ?? Issued, Row17);

    [Fact]
    public void AnImportedPermitCreatesTheApplicantHoldingThePermitWithItsSourceAndDecisionDate()
    {
        var h = new ApplicantHarness();
        var decision = h.Send(Permit(), Admin);

        Assert.True(decision.IsAccepted, decision.Rejection?.ToString());
        Assert.Equal([typeof(ApplicantImported), typeof(PermitImported)], decision.Events.Select(e => e.GetType()));
        Assert.Equal(new PermitImported("RWP-2019-17", "haidian", Row17, Issued, Admin), decision.Events[1]);
        Assert.True(h.State.HoldsPermit);
        Assert.Equal((Row17, Issued, Admin), (h.State.Permit!.ImportedFrom, h.State.Permit.DecidedOn, h.State.Permit.DecidedBy));
        Assert.Equal(Row17, h.State.ImportedFrom);
    }

    [Fact]
    public void AnImportedPermitSatisfiesArt18PathCAndTheReasonNamesTheImport()
    {
        var h = new ApplicantHarness();
        h.Send(Permit(), Admin);

        var applied = h.Accept<HouseholdRegistrationApplied>(new ApplyForHouseholdRegistration("H-1", true, []));

        var pathC = Assert.Single(applied.Paths, p => p.Path == "C").Evaluation;
        Assert.True(pathC.Passed);
        var held = Assert.Single(pathC.Conditions, c => c.Code == "C-holds-permit");
        Assert.Equal("holds the Residence and Work Permit RWP-2019-17 issued on 2019-03-01, imported from haidian-permits row 17", held.Reason);
        Assert.Equal("2024.3", applied.Evaluation.RuleSetVersion);
        Assert.All(pathC.Conditions, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
    }

    [Fact]
    public void AnImportedPermitIsHeldForArt17TooAndTheReasonNamesTheImport()
    {
        var h = new ApplicantHarness();
        h.Send(Permit(ForeignPassport(new DateOnly(2030, 1, 1))), Admin);

        var evaluated = h.Accept<ForeignResidenceEvaluated>(new ApplyForForeignResidence("F-1", ForeignResidenceKind.ResidencePermit, []));

        var held = Assert.Single(evaluated.Evaluation.Conditions, c => c.Code == "holds-permit");
        Assert.True(held.Passed);
        Assert.Equal("holds the Residence and Work Permit RWP-2019-17 issued on 2019-03-01, imported from haidian-permits row 17", held.Reason);
    }

    [Fact]
    public void OnlyAnAdminImports()
    {
        var h = new ApplicantHarness();
        h.Reject(Permit(), ImportRejections.NotAnAdmin, ApplicantHarness.Officer);
    }

    [Fact]
    public void ADecisionDatedAfterTodayIsRefused()
    {
        var h = new ApplicantHarness();
        h.Reject(Permit(on: ApplicantHarness.Today.AddDays(1)), ImportRejections.FutureDecision, Admin);
    }

    [Fact]
    public void AnApplicantRegisteredOnThePlatformIsLeftForAPersonToDecide()
    {
        var h = new ApplicantHarness().Register(WithMaster(400));
        var rejection = h.Reject(Permit(), ImportRejections.MatchesExistingCase, Admin);
        Assert.Contains("a person decides", rejection.Message, StringComparison.Ordinal);
        Assert.Null(h.State.Permit);
    }

    [Fact]
    public void AnotherPermitOrAnotherNameForAnImportedApplicantConflicts()
    {
        var h = new ApplicantHarness();
        h.Send(Permit(), Admin);

        h.Reject(Permit(permitId: "RWP-2020-1"), ImportRejections.ConflictsWithImport, Admin);
        h.Reject(Permit(WithMaster(400) with { Name = "Wang Fang" }), ImportRejections.ConflictsWithImport, Admin);
    }

    [Fact]
    public void TheSamePermitUnderAnotherRowChangesNothing()
    {
        var h = new ApplicantHarness();
        h.Send(Permit(), Admin);
        var again = h.Send(Permit() with { Source = Row17 with { RowId = "17-copy" } }, Admin);
        Assert.True(again.IsAccepted);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void AHouseholdRegistrationImportsOntoAnImportedApplicantOnly()
    {
        var registration = new ImportHouseholdRegistration("HR-2020-3", "haidian", new DateOnly(2020, 5, 4), Row17 with { System = "haidian-hukou" });
        new ApplicantHarness().Reject(registration, ImportRejections.NothingToAttachTo, Admin);
        new ApplicantHarness().Register(WithMaster(400)).Reject(registration, ImportRejections.MatchesExistingCase, Admin);

        var h = new ApplicantHarness();
        h.Send(Permit(), Admin);
        h.Accept<HouseholdRegistrationImported>(registration, Admin);

        Assert.Equal(ApplicationStatus.Approved, h.State.HouseholdRegistration!.Status);
        h.Reject(new ApplyForHouseholdRegistration("H-2", true, []), ApplicantRejections.HouseholdRegistrationAlreadyApproved);
    }

    [Fact]
    public void AnImportedApplicantSurvivesASnapshotRoundTrip()
    {
        var h = new ApplicantHarness();
        h.Send(Permit(), Admin);
        var restored = h.Grain.DeserializeState(h.Grain.SerializeState(h.State));
        Assert.Equal(Row17, restored.Permit!.ImportedFrom);
        Assert.Equal(Row17, restored.ImportedFrom);
        Assert.True(restored.HoldsPermit);
    }
}
