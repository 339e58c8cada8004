using Cases.Domain.Enterprises;
using Cases.Domain.Imports;
using Cases.Domain.Rules;

namespace Cases.Domain.Tests.Enterprises;

public sealed class EnterpriseImportTests
{
    private const string Admin = "admin:root";
    private static readonly ImportSource Row = new() { System = "zgc-admissions", RowId = "A-9" };
    private static readonly ImportParkAdmission Admission = new("Aurora Robotics", "artificial-intelligence", "haidian", "zgc-01", new DateOnly(2021, 4, 1), Row);
    private static readonly ImportStartupGrant Grant = new(2021, 100_000, new DateOnly(2021, 9, 30), Row with { System = "startup-grants", RowId = "G-4" });

    private static DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent> Imported()
    {
        var scenario = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseDecider(new RuleSet()));
        var decision = scenario.Send(Admission, Admin);
        Assert.True(decision.IsAccepted, decision.Rejection?.ToString());
        return scenario;
    }

    [Fact]
    public void AnImportedAdmissionCreatesTheEnterpriseInItsParkWithTheAdmissionTheRosterFollows()
    {
        var scenario = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseDecider(new RuleSet()));
        var decision = scenario.Send(Admission, Admin);

        Assert.Equal([typeof(EnterpriseImported), typeof(ParkAdmissionImported), typeof(EnterpriseAdmittedToPark)], decision.Events.Select(e => e.GetType()));
        Assert.Equal(new EnterpriseAdmittedToPark("zgc-01", new DateOnly(2021, 4, 1)), decision.Events[2]);
        Assert.Equal(("zgc-01", Row, Admin), (scenario.State.CurrentParkKey, scenario.State.ImportedFrom, scenario.State.Registration!.RegisteredBy));
    }

    [Fact]
    public void AnImportedGrantIsHeldAsAwardedAndNoReviewAsksForAnother()
    {
        var scenario = Imported();
        var imported = scenario.Accept<StartupGrantImported>(Grant, Admin);

        Assert.Equal(Admin, imported.ImportedBy);
        Assert.Equal((true, 100_000L), (scenario.State.StartupGrant!.Awarded, scenario.State.StartupGrant.AmountCny));
        Assert.Contains("imported from startup-grants row G-4", scenario.State.StartupGrant.Reason, StringComparison.Ordinal);
        Assert.Equal("grant-already-awarded", scenario.Reject(new ReviewEnterprise(true, "plan sound")));
        scenario.AcceptNothing(Grant with { Source = Grant.Source with { RowId = "G-4b" } }, Admin);
        Assert.Equal(ImportRejections.ConflictsWithImport, scenario.Reject(Grant with { AmountCny = 50_000 }, Admin));
    }

    [Fact]
    public void AGrantForAnEnterpriseNotImportedIsRefusedOrLeftForAPerson()
    {
        var empty = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseDecider(new RuleSet()));
        Assert.Equal(ImportRejections.NothingToAttachTo, empty.Reject(Grant, Admin));
        Assert.Equal(ImportRejections.MatchesExistingCase, EnterpriseScenarios.Registered().Reject(Grant, Admin));
        Assert.Equal(ImportRejections.MatchesExistingCase, EnterpriseScenarios.Registered().Reject(Admission, Admin));
    }

    [Fact]
    public void OnlyAnAdminImportsAndNeverADecisionFromTheFuture()
    {
        var scenario = new DeciderScenario<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(new EnterpriseDecider(new RuleSet()));
        Assert.Equal(ImportRejections.NotAnAdmin, scenario.Reject(Admission));
        Assert.Equal(ImportRejections.FutureDecision, scenario.Reject(Admission with { DecidedOn = new DateOnly(2026, 3, 17) }, Admin));
    }

    [Fact]
    public void AnAdmissionToAnotherParkConflicts()
    {
        var scenario = Imported();
        scenario.AcceptNothing(Admission with { Source = Row with { RowId = "A-9b" } }, Admin);
        Assert.Equal(ImportRejections.ConflictsWithImport, scenario.Reject(Admission with { ParkKey = "cp-02" }, Admin));
    }
}
