using Cases.Domain.Housing;

namespace Cases.Domain.Tests.Streams;

public sealed class PropagationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-streams-").FullName;

    private string Database => Path.Combine(_folder, "cases.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AnApprovedPermitOpensTheHousingCaseAllocatesAUnitAndOpensSubsidyEligibilityEachCausedByTheApproval()
    {
        await using var silo = await ProgrammeSilo.StartAsync(Database);
        await silo.Office("haidian").ExecuteAsync(new AddTransitionalUnits(["HD-101"]), ProgrammeSilo.As("admin:root"));

        var approval = await silo.ApprovePermitAsync("P-1");
        await ProgrammeSilo.Eventually(async () => (await silo.Housing("P-1").GetStateAsync()).State.UnitId is not null, "the unit is recorded on the case");

        var housing = await silo.StreamAsync("housing/P-1");
        var office = await silo.StreamAsync("housing-office/haidian");
        var approvalId = approval.EventId.ToString("D");
        Assert.Equal(approvalId, housing.Single(e => e.EventType == nameof(HousingCaseOpened)).CausationId);
        Assert.Equal(approvalId, housing.Single(e => e.EventType == nameof(RentalSubsidyEligibilityOpened)).CausationId);
        var allocation = office.Single(e => e.EventType == nameof(TransitionalUnitAllocated));
        Assert.Equal(approvalId, allocation.CausationId);
        Assert.Equal(allocation.EventId.ToString("D"), housing.Single(e => e.EventType == nameof(TransitionalHousingAllocated)).CausationId);
        Assert.All(housing.Concat([allocation]), e => Assert.Equal(approval.CorrelationId, e.CorrelationId));
        var state = (await silo.Housing("P-1").GetStateAsync()).State;
        Assert.Equal(("HD-101", new DateOnly(2026, 9, 2)), (state.UnitId, state.RentalSubsidyFrom));
    }

    [Fact]
    public async Task WhenTheDistrictIsFullTheApplicantIsWaitlistedAndARevokedPermitHandsTheUnitOn()
    {
        await using var silo = await ProgrammeSilo.StartAsync(Database);
        await silo.Office("chaoyang").ExecuteAsync(new AddTransitionalUnits(["CY-1"]), ProgrammeSilo.As("admin:root"));
        await silo.ApprovePermitAsync("P-1", "chaoyang");
        await ProgrammeSilo.Eventually(async () => (await silo.Housing("P-1").GetStateAsync()).State.UnitId == "CY-1", "P-1 holds CY-1");
        await silo.ApprovePermitAsync("P-2", "chaoyang");
        await ProgrammeSilo.Eventually(async () => (await silo.Housing("P-2").GetStateAsync()).State.WaitlistPosition == 1, "P-2 waits first");

        await silo.RevokePermitAsync("P-1", "employer certificate withdrawn");
        await ProgrammeSilo.Eventually(async () => (await silo.Housing("P-2").GetStateAsync()).State.UnitId == "CY-1", "P-2 gets CY-1");

        var revoked = (await silo.Housing("P-1").GetStateAsync()).State;
        Assert.False(revoked.Eligible);
        Assert.Null(revoked.RentalSubsidyFrom);
        await ProgrammeSilo.Eventually(async () => (await silo.Housing("P-1").GetStateAsync()).State.UnitId is null, "P-1's unit is recorded as released");
    }
}
