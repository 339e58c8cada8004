using Cases.Domain.Applicants;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.ReadModels;
using Cases.Grains.Tests.Support;
using Orleans.Runtime;

namespace Cases.Grains.Tests.ReadModels;

[Collection(SharedClusterCollection.Name)]
public sealed class ReadModelTests(SharedCluster shared)
{
    private GrainsCluster Silo => shared.Silo;

    [Fact]
    public async Task APermitApplicationWaitsInTheQueueOfItsDistrictUntilAnOfficerDecides()
    {
        var (key, district) = ($"P-{Guid.NewGuid():N}", $"d-{Guid.NewGuid():N}");

        var applied = await Silo.PendingPermitAsync(key, district);
        await GrainsCluster.Eventually(async () => (await Silo.QueueOfAsync(district)).Count == 1, "the application is queued");
        var queued = (await Silo.QueueOfAsync(district)).Single();
        Assert.Equal((ApplicationKinds.Permit, key, $"RWP-{key}", applied.Position, district), (queued.Kind, queued.ApplicantKey, queued.ApplicationId, queued.Position, queued.District));
        Assert.NotEmpty(queued.Conditions);
        Assert.All(queued.Conditions, c => Assert.True(c.Passed, c.Code));

        await ProgrammeSteps.Expect(Silo.Grain<IApplicantGrain>(key).Execute(new ApprovePermit($"RWP-{key}", "Art. 4 met"), ProgrammeSteps.As("officer:wang")));
        await GrainsCluster.Eventually(async () => (await Silo.QueueOfAsync(district)).Count == 0, "the decided application leaves the queue");
    }

    [Fact]
    public async Task QueuePagesAreOldestFirstAndFollowOneAnotherWithoutGapsOrRepeats()
    {
        var district = $"d-{Guid.NewGuid():N}";
        var keys = Enumerable.Range(0, 7).Select(i => $"P-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var key in keys)
            await Silo.PendingPermitAsync(key, district);
        await GrainsCluster.Eventually(async () => (await Silo.QueueOfAsync(district)).Count == keys.Count, "all seven are queued");

        var seen = new List<string>();
        long after = 0;
        OfficerQueuePage page;
        do
        {
            page = await OfficerQueueReads.PageAsync(Silo.Grains, new QueueFilter(ApplicationKinds.Permit, district), after, 3);
            Assert.Equal(keys.Count, page.Total);
            seen.AddRange(page.Applications.Select(a => a.ApplicantKey));
            after = page.NextAfter ?? 0;
        }
        while (page.NextAfter is not null);

        Assert.Equal(keys, seen);
        Assert.Empty((await OfficerQueueReads.PageAsync(Silo.Grains, new QueueFilter(ApplicationKinds.HouseholdRegistration, district), 0, 3)).Applications);
    }

    [Fact]
    public async Task TheDashboardCountsEachRegistrationAndDecisionInTheMinuteItWasRecorded()
    {
        var before = await TotalsAsync();
        var (key, district) = ($"P-{Guid.NewGuid():N}", $"d-{Guid.NewGuid():N}");

        await Silo.PendingPermitAsync(key, district);
        await ProgrammeSteps.Expect(Silo.Grain<IApplicantGrain>(key).Execute(new RejectPermit($"RWP-{key}", "the employer's certificate is forged"), ProgrammeSteps.As("officer:wang")));

        await GrainsCluster.Eventually(async () => await TotalsAsync() is var now && now.Registrations > before.Registrations && now.Decisions > before.Decisions,
            "the registration and the rejection are counted");
    }

    [Fact]
    public async Task ATraceFollowsEveryCauseAndEveryEffectWhateverTheirNumber()
    {
        // Beyond the 32 causes and 1,000 effects where the log-scanning trace used to stop.
        var chain = $"applicant/chain-{Guid.NewGuid():N}";
        var events = new List<Journal.Events.StoredEvent>();
        for (var i = 0; i < 40; i++)
            events.Add(await Silo.Store.AppendAsync(chain, i, nameof(DependantAdded), "{}", events.LastOrDefault()?.EventId));
        var fan = $"applicant/fan-{Guid.NewGuid():N}";
        var root = events[^1];
        var effects = await Silo.Store.AppendManyAsync(fan, Enumerable.Range(0, 1_100).Select(_ => (nameof(DependantAdded), "{}", (Guid?)root.EventId)).ToList());
        await Silo.WhenDeliveredAsync(effects[^1].Position);

        var trace = await CausationTraces.TraceAsync(Silo.Grains, Silo.Store, root.EventId);

        Assert.NotNull(trace);
        Assert.Equal(events[..^1].Select(e => e.EventId), trace.Causes.Select(e => e.EventId));
        Assert.Equal(effects.Select(e => e.EventId), trace.Effects.Select(x => x.Event.EventId));
        Assert.All(trace.Effects, x => Assert.Equal(1, x.Depth));
        Assert.Null(await CausationTraces.TraceAsync(Silo.Grains, Silo.Store, Guid.CreateVersion7()));
    }

    [Fact]
    public async Task ARebuildFromTheLogEqualsTheLiveReadModelsAndRestoresALostPartition()
    {
        var (key, district) = ($"P-{Guid.NewGuid():N}", $"d-{Guid.NewGuid():N}");
        await Silo.PendingPermitAsync(key, district);
        await Silo.WhenDeliveredAsync(await Silo.HeadAsync());
        var rebuilder = Silo.Service<ReadModelRebuilder>();

        var compared = await rebuilder.RunAsync(compareOnly: true);
        Assert.True(compared.LiveEqualsRebuilt, string.Join("; ", compared.ReadModels.Select(m => $"{m.Name}: {string.Join(",", m.Differing)}")));
        Assert.Contains(compared.ReadModels, m => m.Name == OfficerQueue.GrainType && m.Partitions > 0);

        // A partition that lost its state (an operator's mistake, a bad restore) lists nothing until the rebuild puts it back.
        var bucket = OfficerQueue.BucketOf(key);
        await Silo.Grains.GetGrain<IReadModelGrain>(GrainId.Create(OfficerQueue.GrainType, bucket)).Rebuilt(new OfficerQueueState { AppliedThrough = compared.ThroughPosition }, compareOnly: false);
        Assert.Empty(await Silo.QueueOfAsync(district));
        var rebuilt = await rebuilder.RunAsync(compareOnly: false);

        Assert.Contains(bucket, rebuilt.ReadModels.Single(m => m.Name == OfficerQueue.GrainType).Differing);
        Assert.Equal(key, (await Silo.QueueOfAsync(district)).Single().ApplicantKey);
        Assert.True((await rebuilder.RunAsync(compareOnly: true)).LiveEqualsRebuilt);
    }

    private async Task<(long Registrations, long Decisions)> TotalsAsync()
    {
        var window = await IntakeDashboardReads.WindowAsync(Silo.Grains, DateTimeOffset.UtcNow, 10);
        return (window.Sum(m => m.Registrations), window.Sum(m => m.Decisions));
    }
}
