using Cases.Domain.Housing;
using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;

namespace Cases.Grains.Tests.Streams;

[Collection(SharedClusterCollection.Name)]
public sealed class PropagationTests(SharedCluster shared)
{
    private GrainsCluster Silo => shared.Silo;

    [Fact]
    public async Task AnApprovedPermitOpensTheHousingCaseAllocatesAUnitAndOpensSubsidyEligibilityEachCausedByTheApproval()
    {
        var (key, district) = ($"P-{Guid.NewGuid():N}", $"hd-{Guid.NewGuid():N}");
        await Silo.Grain<IHousingOfficeGrain>(district).Execute(new AddTransitionalUnits(["HD-101"]), ProgrammeSteps.As("admin:root"));

        var approval = await Silo.ApprovePermitAsync(key, district);
        await GrainsCluster.Eventually(async () => (await Silo.Grain<IHousingGrain>(key).GetState()).State.UnitId is not null, "the unit is recorded on the case");

        var housing = await Silo.StreamAsync($"housing/{key}");
        var office = await Silo.StreamAsync($"housing-office/{district}");
        var approvalId = approval.EventId.ToString("D");
        Assert.Equal(approvalId, housing.Single(e => e.EventType == nameof(HousingCaseOpened)).CausationId);
        Assert.Equal(approvalId, housing.Single(e => e.EventType == nameof(RentalSubsidyEligibilityOpened)).CausationId);
        var allocation = office.Single(e => e.EventType == nameof(TransitionalUnitAllocated));
        Assert.Equal(approvalId, allocation.CausationId);
        Assert.Equal(allocation.EventId.ToString("D"), housing.Single(e => e.EventType == nameof(TransitionalHousingAllocated)).CausationId);
        Assert.All(housing.Concat([allocation]), e => Assert.Equal(approval.CorrelationId, e.CorrelationId));
        var state = (await Silo.Grain<IHousingGrain>(key).GetState()).State;
        Assert.Equal(("HD-101", new DateOnly(2026, 9, 2)), (state.UnitId, state.RentalSubsidyFrom));
    }

    [Fact]
    public async Task WhenTheDistrictIsFullTheApplicantIsWaitlistedAndARevokedPermitHandsTheUnitOn()
    {
        var (first, second, district) = ($"P-{Guid.NewGuid():N}", $"P-{Guid.NewGuid():N}", $"cy-{Guid.NewGuid():N}");
        await Silo.Grain<IHousingOfficeGrain>(district).Execute(new AddTransitionalUnits(["CY-1"]), ProgrammeSteps.As("admin:root"));
        await Silo.ApprovePermitAsync(first, district);
        await GrainsCluster.Eventually(async () => (await Silo.Grain<IHousingGrain>(first).GetState()).State.UnitId == "CY-1", "the first applicant holds CY-1");
        await Silo.ApprovePermitAsync(second, district);
        await GrainsCluster.Eventually(async () => (await Silo.Grain<IHousingGrain>(second).GetState()).State.WaitlistPosition == 1, "the second waits first");

        await Silo.RevokePermitAsync(first, "employer certificate withdrawn");
        await GrainsCluster.Eventually(async () => (await Silo.Grain<IHousingGrain>(second).GetState()).State.UnitId == "CY-1", "the second gets CY-1");

        var revoked = (await Silo.Grain<IHousingGrain>(first).GetState()).State;
        Assert.False(revoked.Eligible);
        Assert.Null(revoked.RentalSubsidyFrom);
        await GrainsCluster.Eventually(async () => (await Silo.Grain<IHousingGrain>(first).GetState()).State.UnitId is null, "the first's unit is recorded as released");
    }
}
