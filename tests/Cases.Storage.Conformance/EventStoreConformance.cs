using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cases.Journal;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using static Cases.Storage.Conformance.Appends;

namespace Cases.Storage.Conformance;

/// <summary>What every <see cref="IEventStore"/> must do; a store's test project derives from this with its own store.</summary>
public abstract class EventStoreConformance
{
    protected abstract IEventStore Store { get; }

    /// <summary>Overwrites one stored event's payload, and its hash when given, behind the store's back, as an attacker with database access would.</summary>
    protected abstract Task TamperPayloadAsync(string streamId, long version, string payload, byte[]? hash = null);

    [Fact]
    public async Task AppendToANewStreamNumbersVersionsFromOneAndAnswersWithTheStoredEnvelopes()
    {
        var stream = NewStream();

        var result = await Store.AppendAsync(Request(stream, 0, Command("c1", events: 2), Command("c2")));

        var committed = Assert.IsType<AppendResult.Committed>(result);
        Assert.Equal(3, committed.Version);
        Assert.Equal([1L, 2L], committed.EventsByCommand[0].Select(e => e.Version));
        Assert.Equal(3, committed.EventsByCommand[1].Single().Version);
        var stored = await Store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync();
        Assert.Equal(committed.EventsByCommand.SelectMany(e => e).Select(Identity), stored.Select(Identity));
    }

    [Fact]
    public async Task StoredEventsKeepEveryEnvelopeField()
    {
        var stream = NewStream();
        var pending = Event("c1", """{"permit":"RWP-1","reason":"Art. 4 met"}""", "PermitApproved", causation: "evt-9");

        await Store.AppendAsync(new AppendRequest(stream, 0, [new CommandAppend("c1", [pending], null)]));

        var e = (await Store.ReadStreamAsync(stream, 1, 1).ToListAsync()).Single();
        Assert.Equal((pending.EventId, "PermitApproved", 1, pending.Payload, Noon, "officer:li", "c1", "evt-9", "corr-c1"),
            (e.EventId, e.EventType, e.SchemaVersion, e.Payload, e.OccurredAt, e.Actor, e.CommandId, e.CausationId, e.CorrelationId));
        Assert.True(e.Position > 0);
        Assert.True(e.RecordedAt > DateTimeOffset.UnixEpoch);
        Assert.Equal(EventHasher.HashLength, e.Hash.Length);
    }

    [Fact]
    public async Task AppendAtAStaleVersionIsAConflictAndWritesNothing()
    {
        var stream = NewStream();
        await Store.AppendAsync(Request(stream, 0, Command("c1")));

        var result = await Store.AppendAsync(Request(stream, 0, Command("c2"), Command("c3")));

        Assert.Equal(new AppendResult.Conflict(1), result);
        Assert.Single(await Store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync());
        Assert.Null(await Store.FindCommandAsync(stream, "c2"));
    }

    [Fact]
    public async Task AppendBeyondTheHeadIsAConflictSoVersionsStayGapless()
    {
        var stream = NewStream();

        var result = await Store.AppendAsync(Request(stream, 5, Command("c1")));

        Assert.Equal(new AppendResult.Conflict(0), result);
    }

    [Fact]
    public async Task ACommandIdSeenBeforeIsADuplicateWithItsFirstOutcomeAndNothingOfTheRequestIsWritten()
    {
        var stream = NewStream();
        await Store.AppendAsync(Request(stream, 0, Command("c1", events: 2)));
        await Store.AppendAsync(Request(stream, 2, Rejected("c2", "budget", "Budget is spent.")));

        var result = await Store.AppendAsync(Request(stream, 2, Command("new"), Command("c1"), Command("c2")));

        var duplicate = Assert.IsType<AppendResult.Duplicate>(result);
        Assert.Equal(2, duplicate.Outcomes.Count);
        var accepted = duplicate.Outcomes.Single(o => o.CommandId == "c1");
        Assert.Equal((1L, 2L, (Rejection?)null), (accepted.FirstVersion, accepted.LastVersion, accepted.Rejection));
        Assert.Equal(new Rejection("budget", "Budget is spent."), duplicate.Outcomes.Single(o => o.CommandId == "c2").Rejection);
        Assert.Null(await Store.FindCommandAsync(stream, "new"));
        Assert.Equal(2, (await Store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync()).Count);
    }

    [Fact]
    public async Task ACommandsFingerprintIsKeptWithItsOutcomeAndAnsweredWithADuplicate()
    {
        var stream = NewStream();
        byte[] accepted = [.. Enumerable.Range(1, 32).Select(i => (byte)i)], rejected = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];
        await Store.AppendAsync(Request(stream, 0, Command("c1") with { Fingerprint = accepted }, Rejected("r1") with { Fingerprint = rejected }, Command("plain")));

        var result = await Store.AppendAsync(Request(stream, 2, Command("c1"), Rejected("r1")));

        var duplicate = Assert.IsType<AppendResult.Duplicate>(result);
        Assert.Equal(accepted, duplicate.Outcomes.Single(o => o.CommandId == "c1").Fingerprint);
        Assert.Equal(rejected, duplicate.Outcomes.Single(o => o.CommandId == "r1").Fingerprint);
        Assert.Equal(accepted, (await Store.FindCommandAsync(stream, "c1"))!.Fingerprint);
        Assert.Null((await Store.FindCommandAsync(stream, "plain"))!.Fingerprint);
    }

    [Fact]
    public async Task CommandIdsAreScopedToTheirStream()
    {
        var (a, b) = (NewStream(), NewStream());

        await Store.AppendAsync(Request(a, 0, Command("same")));
        var result = await Store.AppendAsync(Request(b, 0, Command("same")));

        Assert.IsType<AppendResult.Committed>(result);
    }

    [Fact]
    public async Task AnAppendThatNamesOneCommandIdTwiceIsRefusedBeforeWriting()
    {
        var stream = NewStream();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(Request(stream, 0, Command("twice"), Command("twice"))));

        Assert.Empty(await Store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync());
    }

    [Fact]
    public async Task ReadingAStreamFromAVersionReturnsOnlyTheTailInOrder()
    {
        var stream = NewStream();
        await Store.AppendAsync(Request(stream, 0, Command("c1", events: 10)));

        var tail = await Store.ReadStreamAsync(stream, 8, long.MaxValue).ToListAsync();
        var middle = await Store.ReadStreamAsync(stream, 3, 5).ToListAsync();

        Assert.Equal([8L, 9L, 10L], tail.Select(e => e.Version));
        Assert.Equal([3L, 4L, 5L], middle.Select(e => e.Version));
    }

    [Fact]
    public async Task TheGlobalLogListsEveryStreamsEventsInCommitOrderFromAPosition()
    {
        var (a, b) = (NewStream(), NewStream());
        var first = (AppendResult.Committed)await Store.AppendAsync(Request(a, 0, Command("a1")));
        await Store.AppendAsync(Request(b, 0, Command("b1", events: 2)));
        await Store.AppendAsync(Request(a, 1, Command("a2")));
        var start = first.EventsByCommand[0][0].Position;

        var log = await Store.ReadAllAsync(start).Where(e => e.StreamId == a || e.StreamId == b).ToListAsync();

        Assert.Equal([a, b, b, a], log.Select(e => e.StreamId));
        Assert.Equal(log.Select(e => e.Position).Order(), log.Select(e => e.Position));
        Assert.Equal(4, log.Select(e => e.Position).Distinct().Count());
    }

    [Fact]
    public async Task ConcurrentAppendsToManyStreamsAreAllCommittedWithUniquePositions()
    {
        var streams = Enumerable.Range(0, 50).Select(_ => NewStream()).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(async i =>
        {
            var stream = streams[i % streams.Length];
            for (var attempt = 0; ; attempt++)
            {
                var head = (await Store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync()).Count;
                if (await Store.AppendAsync(Request(stream, head, Command($"c{i}"))) is AppendResult.Committed committed)
                    return committed;
                Assert.True(attempt < 1000, "an append never won its race");
            }
        }));

        var positions = results.Select(r => r.EventsByCommand[0][0].Position).ToList();
        Assert.Equal(400, positions.Distinct().Count());
        foreach (var stream in streams)
        {
            var versions = (await Store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync()).Select(e => e.Version);
            Assert.Equal(Enumerable.Range(1, 8).Select(v => (long)v), versions);
        }
    }

    [Fact]
    public async Task EveryStreamIsAHashChainFromGenesis()
    {
        var stream = NewStream();
        await Store.AppendAsync(Request(stream, 0, Command("c1", events: 3)));
        await Store.AppendAsync(Request(stream, 3, Command("c2", events: 2)));

        var events = await Store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync();
        var verdict = await ChainVerifier.VerifyStreamAsync(Store, stream);

        Assert.Equal(EventHasher.Compute(EventHasher.Genesis, events[0]), events[0].Hash);
        for (var i = 1; i < events.Count; i++)
            Assert.Equal(EventHasher.Compute(events[i - 1].Hash, events[i]), events[i].Hash);
        Assert.True(verdict.IsIntact, verdict.ToString());
        Assert.Equal(5, verdict.EventsChecked);
    }

    [Fact]
    public async Task EditingOneStoredPayloadIsDetectedNamingTheStreamAndVersion()
    {
        var (stream, untouched) = (NewStream(), NewStream());
        await Store.AppendAsync(Request(stream, 0, Command("c1", events: 5)));
        await Store.AppendAsync(Request(untouched, 0, Command("c1", events: 2)));

        await TamperPayloadAsync(stream, 3, """{"n":300}""");
        var verdict = await ChainVerifier.VerifyStreamAsync(Store, stream);
        var all = await ChainVerifier.VerifyAllAsync(Store);

        Assert.Equal((stream, 3L), (verdict.StreamId, verdict.BrokenAtVersion));
        Assert.Contains($"{stream}: broken at version 3", verdict.ToString(), StringComparison.Ordinal);
        var broken = Assert.Single(all, v => v.StreamId == stream || v.StreamId == untouched);
        Assert.Equal((stream, (long?)3), (broken.StreamId, broken.BrokenAtVersion));
    }

    [Fact]
    public async Task EditingOnePayloadAndRewritingItsOwnHashIsDetectedAtTheNextVersion()
    {
        var stream = NewStream();
        await Store.AppendAsync(Request(stream, 0, Command("c1", events: 5)));
        var events = await Store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync();
        var forged = events[2] with { Payload = """{"n":300}""" };

        // Event 3 is consistent with its real predecessor; only event 4's link to event 3's original hash can give the edit away.
        await TamperPayloadAsync(stream, 3, forged.Payload, EventHasher.Compute(events[1].Hash, forged));
        var verdict = await ChainVerifier.VerifyStreamAsync(Store, stream);
        var all = await ChainVerifier.VerifyAllAsync(Store);

        Assert.Equal((stream, 4L, 3L), (verdict.StreamId, verdict.BrokenAtVersion, verdict.EventsChecked));
        Assert.Equal((long?)4, Assert.Single(all, v => v.StreamId == stream).BrokenAtVersion);
    }

    [Fact]
    public async Task StoredHashesChainEachEventToItsPredecessorAsDocumented()
    {
        var stream = NewStream();
        await Store.AppendAsync(Request(stream, 0, Command("c1", events: 2)));

        var events = await Store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync();

        // Computed here without EventHasher: SHA-256(previous hash || length-prefixed UTF-8 fields in the documented order).
        Assert.Equal(Convert.ToHexString(Expected(new byte[32], events[0])), Convert.ToHexString(events[0].Hash));
        Assert.Equal(Convert.ToHexString(Expected(events[0].Hash, events[1])), Convert.ToHexString(events[1].Hash));
    }

    [Fact]
    public async Task ARejectionAndAnEmptyAcceptanceAreRecordedWithoutEvents()
    {
        var stream = NewStream();

        await Store.AppendAsync(Request(stream, 0, Rejected("r1"), new CommandAppend("noop", [], null)));

        Assert.Equal(new Rejection("rule", "Rule says no."), (await Store.FindCommandAsync(stream, "r1"))!.Rejection);
        var noop = await Store.FindCommandAsync(stream, "noop");
        Assert.False(noop!.HasEvents);
        Assert.Null(noop.Rejection);
        Assert.Empty(await Store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync());
    }

    [Fact]
    public async Task TheLatestSnapshotWinsAndAnOlderOneNeverReplacesIt()
    {
        var stream = NewStream();

        await Store.SaveSnapshotAsync(new Snapshot(stream, 200, 1, """{"v":200}""", Noon));
        await Store.SaveSnapshotAsync(new Snapshot(stream, 100, 1, """{"v":100}""", Noon));

        var snapshot = (await Store.LoadStartAsync(stream)).Snapshot;
        Assert.Equal((200L, """{"v":200}"""), (snapshot!.Version, snapshot.State));
        Assert.Null((await Store.LoadStartAsync(NewStream())).Snapshot);
    }

    [Fact]
    public async Task TheStartOfAStreamGivesItsLatestSnapshotAndCurrentVersionInOneRead()
    {
        var stream = NewStream();
        Assert.Equal(new StreamStart(null, 0), await Store.LoadStartAsync(stream));

        await Store.AppendAsync(Request(stream, 0, Command("c1", events: 3)));
        Assert.Equal(new StreamStart(null, 3), await Store.LoadStartAsync(stream));
        await Store.SaveSnapshotAsync(new Snapshot(stream, 2, 1, """{"v":2}""", Noon));

        var start = await Store.LoadStartAsync(stream);
        Assert.Equal((2L, """{"v":2}""", 3L), (start.Snapshot!.Version, start.Snapshot.State, start.Version));
    }

    [Fact]
    public async Task ALongStreamIsReadWholeWithoutALengthLimit()
    {
        var stream = NewStream();
        for (var v = 0; v < 60_000; v += 1000)
            await Store.AppendAsync(Request(stream, v, Command($"c{v}", events: 1000)));

        long count = 0, last = 0;
        await foreach (var e in Store.ReadStreamAsync(stream, 1, long.MaxValue))
        {
            Assert.Equal(last + 1, e.Version);
            (count, last) = (count + 1, e.Version);
        }

        Assert.Equal(60_000, count);
        Assert.True((await ChainVerifier.VerifyStreamAsync(Store, stream)).IsIntact);
    }

    [Fact]
    public async Task ACheckpointStartsAtZeroAndNeverMovesBack()
    {
        var name = $"consumer-{Guid.NewGuid():N}";
        Assert.Equal(0, await Store.LoadCheckpointAsync(name));

        await Store.SaveCheckpointAsync(name, 40);
        await Store.SaveCheckpointAsync(name, 12);

        Assert.Equal(40, await Store.LoadCheckpointAsync(name));
        Assert.Equal(0, await Store.LoadCheckpointAsync($"{name}-other"));
    }

    [Fact]
    public async Task LogPageHoldsOnlyTheAskedTypesInCommitOrder()
    {
        var (granted, refused, intake) = (NewType("Granted"), NewType("Refused"), NewType("Registered"));
        var (a, b) = (NewStream(), NewStream());
        var first = await AppendAsync(Request(a, 0, Typed("a1", intake, granted)));
        await AppendAsync(Request(b, 0, Typed("b1", refused, intake)));
        var last = await AppendAsync(Request(a, 2, Typed("a2", intake, refused, granted)));
        var start = first[0].Position - 1;

        var page = await Store.ReadLogAsync(start, [granted, refused], limit: 100);

        var expected = await Store.ReadAllAsync(start + 1).Where(e => e.EventType == granted || e.EventType == refused).ToListAsync();
        Assert.Equal([granted, refused, refused, granted], page.Events.Select(e => e.EventType));
        Assert.Equal(expected.Select(Envelope), page.Events.Select(Envelope));
        Assert.Equal(last[^1].Position, page.ScannedThrough);
    }

    [Fact]
    public async Task LogPageStopsAtTheLimitAndScansThroughItsLastEvent()
    {
        var (wanted, other) = (NewType("Granted"), NewType("Registered"));
        var events = await AppendAsync(Request(NewStream(), 0, Typed("c1", wanted, other, wanted, other, wanted, wanted)));

        var page = await Store.ReadLogAsync(events[0].Position - 1, [wanted], limit: 2);

        Assert.Equal([events[0].Position, events[2].Position], page.Events.Select(e => e.Position));
        Assert.Equal(events[2].Position, page.ScannedThrough);
    }

    [Fact]
    public async Task LogPageWithNoMatchScansThroughTheHeadOfTheLog()
    {
        var (wanted, other) = (NewType("Granted"), NewType("Registered"));
        var events = await AppendAsync(Request(NewStream(), 0, Typed("c1", wanted, other, other)));

        // The one wanted event is at the position the page starts after, so it is not in the page.
        var page = await Store.ReadLogAsync(events[0].Position, [wanted], limit: 10);

        Assert.Empty(page.Events);
        Assert.Equal(events[^1].Position, page.ScannedThrough);
    }

    [Fact]
    public async Task LogPageOfNoTypesIsEmptyAndStillScansThroughTheHeadOfTheLog()
    {
        var events = await AppendAsync(Request(NewStream(), 0, Typed("c1", NewType("Granted"), NewType("Registered"))));

        var page = await Store.ReadLogAsync(events[0].Position - 1, [], limit: 10);

        Assert.Empty(page.Events);
        Assert.Equal(events[^1].Position, page.ScannedThrough);
    }

    [Fact]
    public async Task LogPageAfterTheHeadIsEmptyAndScansThroughItsStart()
    {
        var wanted = NewType("Granted");
        var head = (await AppendAsync(Request(NewStream(), 0, Typed("c1", wanted))))[^1].Position;

        var atHead = await Store.ReadLogAsync(head, [wanted], limit: 10);
        var beyond = await Store.ReadLogAsync(head + 1000, [wanted], limit: 10);

        Assert.Equal((0, head), (atHead.Events.Count, atHead.ScannedThrough));
        Assert.Equal((0, head + 1000), (beyond.Events.Count, beyond.ScannedThrough));
    }

    [Fact]
    public async Task LogPageRefusesANegativePositionAndALimitBelowOne()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadLogAsync(-1, ["Noted"], limit: 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadLogAsync(0, ["Noted"], limit: 0));
    }

    [Fact]
    public async Task LogPagesReadOneAfterAnotherSeeEveryMatchingEventOnce()
    {
        string[] subscribed = [NewType("Granted"), NewType("Refused"), NewType("Revoked")];
        var intake = NewType("Registered");
        var streams = Enumerable.Range(0, 5).Select(_ => NewStream()).ToArray();
        var versions = new long[streams.Length];
        var (start, head) = (0L, 0L);
        for (var i = 0; i < 40; i++)
        {
            var s = i % streams.Length;
            // Mostly intake, as in production; every third command also carries two adjacent subscribed events, so pages end between neighbours.
            string[] types = i % 3 == 0 ? [intake, subscribed[i / 3 % 3], subscribed[(i / 3 + 1) % 3], intake] : [intake, intake];
            var events = await AppendAsync(Request(streams[s], versions[s], Typed($"c{i}", types)));
            versions[s] += events.Count;
            start = i == 0 ? events[0].Position - 1 : start;
            head = events[^1].Position;
        }

        var read = new List<StoredEvent>();
        var after = start;
        for (var pages = 1; ; pages++)
        {
            var page = await Store.ReadLogAsync(after, subscribed, limit: 3);
            Assert.True(page.ScannedThrough >= after, $"page {pages} scanned through {page.ScannedThrough}, before its start {after}");
            read.AddRange(page.Events);
            after = page.ScannedThrough;
            if (page.Events.Count < 3)
                break;
            Assert.True(pages < 100, "paging never reached the head of the log");
        }

        var expected = await Store.ReadAllAsync(start + 1).Where(e => subscribed.Contains(e.EventType)).ToListAsync();
        Assert.Equal(28, expected.Count);
        Assert.Equal(expected.Select(Envelope), read.Select(Envelope));
        Assert.Equal(head, after);
    }

    [Fact]
    public async Task LogPagesReadWhileAppendsCommitMissNoMatchingEvent()
    {
        string[] subscribed = [NewType("Granted"), NewType("Refused")];
        var intake = NewType("Registered");
        var start = (await AppendAsync(Request(NewStream(), 0, Typed("start", intake))))[0].Position;
        var writers = Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var (stream, version, matching) = (NewStream(), 0L, 0);
            for (var i = 0; i < 50; i++)
            {
                string[] types = (w + i) % 3 == 0 ? [intake, subscribed[i % 2], intake] : [intake, intake];
                var events = await AppendAsync(Request(stream, version, Typed($"c{i}", types)));
                (version, matching) = (version + events.Count, matching + events.Count(e => e.EventType != intake));
            }
            return matching;
        })));

        var read = new List<StoredEvent>();
        var after = start;
        while (true)
        {
            // Noted before the read: a short page read after every append finished has seen the last of them.
            var finished = writers.IsCompleted;
            var page = await Store.ReadLogAsync(after, subscribed, limit: 5);
            Assert.True(page.ScannedThrough >= after, $"a page scanned through {page.ScannedThrough}, before its start {after}");
            read.AddRange(page.Events);
            after = page.ScannedThrough;
            if (finished && page.Events.Count < 5)
                break;
        }
        var written = (await writers).Sum();

        var expected = await Store.ReadAllAsync(start + 1).Where(e => subscribed.Contains(e.EventType)).ToListAsync();
        Assert.Equal(written, expected.Count);
        Assert.Equal(expected.Select(e => e.Position), read.Select(e => e.Position));
    }

    [Fact]
    public async Task AHealthyStoreAnswersTheHealthCheck() => await Store.CheckHealthAsync();

    private async Task<IReadOnlyList<StoredEvent>> AppendAsync(AppendRequest request) =>
        Assert.IsType<AppendResult.Committed>(await Store.AppendAsync(request)).EventsByCommand.SelectMany(e => e).ToList();

    private static byte[] Expected(byte[] previous, StoredEvent e)
    {
        string[] fields = [e.StreamId, Text(e.Version), e.EventId.ToString("D"), e.EventType, Text(e.SchemaVersion), Text(e.OccurredAt.UtcTicks),
            Text(e.RecordedAt.UtcTicks), e.Actor, e.CommandId, e.CausationId ?? "", e.CorrelationId, e.Payload];
        var input = new List<byte>(previous);
        foreach (var bytes in fields.Select(Encoding.UTF8.GetBytes))
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            input.AddRange(length);
            input.AddRange(bytes);
        }
        return SHA256.HashData(input.ToArray());
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Envelope(StoredEvent e) =>
        $"{e.Position} {e.StreamId}@{e.Version} {e.EventId} {e.EventType}/{e.SchemaVersion} {e.Payload} {e.OccurredAt.UtcTicks} {e.RecordedAt.UtcTicks} " +
        $"{e.Actor} {e.CommandId} {e.CausationId} {e.CorrelationId} {Convert.ToHexString(e.Hash)}";

    private static (long, long, Guid, string) Identity(StoredEvent e) => (e.Version, e.Position, e.EventId, Convert.ToHexString(e.Hash));
}
