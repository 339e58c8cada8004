using Cases.Domain.Applicants;
using Cases.Domain.Housing;
using Cases.Domain.Tests.Applicants;
using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using static Cases.Grains.Tests.Support.ProgrammeSteps;

namespace Cases.Grains.Tests.Streams;

/// <summary>Orleans moves decision queues between silos as silos join, leave and die; every decision is still delivered exactly once.</summary>
public sealed class QueueMoveTests
{
    private const int Applicants = 40;

    [Fact]
    public async Task DecisionsLandExactlyOnceWhileQueuesMoveToAJoiningSiloAwayFromAStoppedOneAndAwayFromAKilledOne()
    {
        using var db = new TempDatabase();
        var settings = new ClusterSettings
        {
            Silos = 2,
            Silo = silo => silo.Services.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            }),
        };
        await using var cluster = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), settings, ownsStore: true);
        await cluster.Grain<IHousingOfficeGrain>("haidian").Execute(
            new AddTransitionalUnits([.. Enumerable.Range(0, Applicants).Select(u => $"HD-{u}")]), As("admin:root") with { CommandId = "units" });

        for (var i = 0; i < Applicants; i++)
        {
            if (i == 10)
                await cluster.Cluster.StartAdditionalSiloAsync();
            if (i == 20)
                await cluster.Cluster.StopSiloAsync(cluster.Cluster.Silos[0]);
            if (i == 30)
                await cluster.Cluster.KillSiloAsync(cluster.Cluster.Silos[0]);
            await ApproveWithRetriesAsync(cluster, $"P-{i:D2}");
        }
        await cluster.WhenDeliveredAsync(await cluster.HeadAsync(), TimeSpan.FromSeconds(60));

        var office = await cluster.StreamAsync("housing-office/haidian");
        Assert.Equal(Applicants, office.Count(e => e.EventType == nameof(TransitionalUnitAllocated)));
        var approvals = new HashSet<string>();
        for (var i = 0; i < Applicants; i++)
        {
            var housing = await cluster.StreamAsync($"housing/P-{i:D2}");
            Assert.Equal([nameof(HousingCaseOpened), nameof(RentalSubsidyEligibilityOpened), nameof(TransitionalHousingAllocated)], housing.Select(e => e.EventType));
            Assert.True(approvals.Add(housing[0].CausationId!));
        }
    }

    // A call may fail while its silo dies or the client reconnects; the same command ids make the retry idempotent.
    private static async Task ApproveWithRetriesAsync(GrainsCluster cluster, string key)
    {
        var profile = ApplicantProfiles.Baseline() with { IdentityDocument = key };
        (string Id, IApplicantCommand Command, string Actor)[] steps =
        [
            ($"register-{key}", new RegisterApplicant(profile), $"applicant:{key}"),
            ($"recognise-{key}", new ApplyForRecognition($"REC-{key}"), $"applicant:{key}"),
            ($"permit-{key}", new ApplyForPermit($"RWP-{key}", null, "employer-certificate-7"), $"applicant:{key}"),
            ($"approve-{key}", new ApprovePermit($"RWP-{key}", "Art. 4 met"), "officer:wang"),
        ];
        foreach (var (id, command, actor) in steps)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await Expect(cluster.Grain<IApplicantGrain>(key).Execute(command, As(actor) with { CommandId = id }));
                    break;
                }
                catch (Exception) when (attempt < 30)
                {
                    await Task.Delay(200);
                }
            }
        }
    }
}
