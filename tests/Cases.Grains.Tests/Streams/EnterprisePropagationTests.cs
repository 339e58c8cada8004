using Cases.Domain;
using Cases.Domain.Enterprises;
using Cases.Domain.Parks;
using Cases.Domain.Subsidies;
using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;
using Cases.Journal.Events;
using static Cases.Grains.Tests.Support.ProgrammeSteps;

namespace Cases.Grains.Tests.Streams;

[Collection(SharedClusterCollection.Name)]
public sealed class EnterprisePropagationTests(SharedCluster shared)
{
    private static readonly CommandMeta Officer = As("officer:zhao");

    private GrainsCluster Silo => shared.Silo;

    [Fact]
    public async Task AReviewedEnterpriseGetsTheStartupGrantUntilTheYearsBudgetIsSpentAndHearsTheAnswer()
    {
        var programme = Silo.Grain<ISubsidyProgramGrain>(Programme.StartupProgrammeKey(2026));
        await Expect(programme.Execute(new OpenProgramme(2026, 100_000), Officer));
        var (e1, e2) = ($"E-{Guid.NewGuid():N}", $"E-{Guid.NewGuid():N}");

        // Both requests reach the programme through its queue in log order, so the first reviewed is the first answered.
        var first = await ReviewAsync(e1);
        var second = await ReviewAsync(e2);
        await GrainsCluster.Eventually(async () => (await Silo.Grain<IEnterpriseGrain>(e2).GetState()).State.StartupGrant is not null, "both answers are back");

        var awarded = (await Silo.Grain<IEnterpriseGrain>(e1).GetState()).State.StartupGrant!;
        var refused = (await Silo.Grain<IEnterpriseGrain>(e2).GetState()).State.StartupGrant!;
        Assert.Equal((true, 100_000L), (awarded.Awarded, awarded.AmountCny));
        Assert.Equal((false, 0L), (refused.Awarded, refused.AmountCny));
        var programmeEvents = await Silo.StreamAsync("subsidy-program/startup-2026");
        Assert.Equal(first.EventId.ToString("D"), programmeEvents.Single(e => e.EventType == nameof(GrantAwarded)).CausationId);
        Assert.Equal(second.EventId.ToString("D"), programmeEvents.Single(e => e.EventType == nameof(GrantRefused)).CausationId);
    }

    [Fact]
    public async Task AdmissionProgressAndGraduationKeepTheParksRosterCurrent()
    {
        var (key, parkKey) = ($"E-{Guid.NewGuid():N}", $"zgc-{Guid.NewGuid():N}");
        var enterprise = Silo.Grain<IEnterpriseGrain>(key);
        await Expect(enterprise.Execute(Registration(), As("applicant:P-1")));
        await Expect(enterprise.Execute(new ProposeParkAdmission(parkKey), As($"operator:{parkKey}")));
        await Expect(enterprise.Execute(new ConsentToParkAdmission(parkKey), As("applicant:P-1")));
        await Expect(enterprise.Execute(new RecordMilestone(MilestoneKind.Patent, 1), As($"operator:{parkKey}")));
        await Expect(enterprise.Execute(new Graduate(), As($"operator:{parkKey}")));

        var park = Silo.Grain<IParkGrain>(parkKey);
        await GrainsCluster.Eventually(async () => (await park.GetState()).State.Roster.GetValueOrDefault(key)?.Stage == RosterStage.Graduated, "the roster shows graduation");

        Assert.Equal(1, (await park.GetState()).State.Roster[key].Patents);
    }

    private static RegisterEnterprise Registration() => new("Qingyun Robotics", ["P-1"], true, 1_000_000, "artificial-intelligence", "haidian");

    private async Task<StoredEvent> ReviewAsync(string key)
    {
        var enterprise = Silo.Grain<IEnterpriseGrain>(key);
        await Expect(enterprise.Execute(Registration(), As("applicant:P-1")));
        var review = await Expect(enterprise.Execute(new ReviewEnterprise(true, "Art. 6: founded by a recognised returnee"), Officer));
        return review.Events.Single();
    }
}
