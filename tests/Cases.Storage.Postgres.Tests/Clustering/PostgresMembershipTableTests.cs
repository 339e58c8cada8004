using System.Net;
using System.Net.Sockets;
using Cases.Storage.Postgres.Clustering;
using Cases.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using static Cases.Storage.Conformance.Appends;

namespace Cases.Storage.Postgres.Tests.Clustering;

/// <summary>The membership table against Orleans' contract (IMembershipTable, MembershipTableTestsBase), each test in a schema of its own.</summary>
[Collection(PostgresServerCollection.Name)]
public sealed class PostgresMembershipTableTests(PostgresServerFixture fixture) : IAsyncLifetime
{
    private const string ClusterId = "cluster-a";
    private static int _generation;
    private readonly string _schema = $"membership_{Guid.NewGuid():N}";
    private readonly List<PostgresMembershipTable> _opened = [];
    private PostgresMembershipTable _table = null!;

    public async Task InitializeAsync()
    {
        _table = Open(ClusterId);
        await _table.InitializeMembershipTable(true);
    }

    public async Task DisposeAsync()
    {
        foreach (var table in _opened)
            await table.DisposeAsync();
    }

    [Fact]
    public async Task InitializingStartsAtVersionZeroAndInitializingAgainKeepsTheVersionAndTheRows()
    {
        var empty = await _table.ReadAll();
        Assert.Empty(empty.Members);
        Assert.Equal(new TableVersion(0, "0"), empty.Version);
        Assert.True(await _table.InsertRow(NewEntry(), empty.Version.Next()));

        await _table.InitializeMembershipTable(true);
        await Open(ClusterId).InitializeMembershipTable(true);

        var after = await _table.ReadAll();
        Assert.Equal(1, after.Version.Version);
        Assert.Single(after.Members);
        Assert.Equal(["1"], await fixture.Server.QueryAsync($"SELECT count(*)::text FROM {_schema}.orleans_membership_version"));
    }

    [Fact]
    public async Task InitializingWithoutTryInitTableVersionCreatesNoVersionRow()
    {
        var other = Open("cluster-b");

        await other.InitializeMembershipTable(false);

        Assert.Equal(new TableVersion(0, "0"), (await other.ReadAll()).Version);
        Assert.False(await other.InsertRow(NewEntry(), new TableVersion(1, "0")));
        Assert.Equal(["cluster-a"], await fixture.Server.QueryAsync($"SELECT cluster_id FROM {_schema}.orleans_membership_version"));
    }

    [Fact]
    public async Task AnInsertedEntryReadsBackWithEveryFieldFromReadRowAndReadAll()
    {
        var entry = NewEntry();
        // Suspect times keep every tick (text); the columns keep microseconds (timestamptz), so the test's dates are whole microseconds.
        entry.SuspectTimes = [Tuple.Create(NewSilo(), new DateTime(638_500_000_001_234_567, DateTimeKind.Utc)), Tuple.Create(NewSilo(), Micros(DateTime.UtcNow))];

        Assert.True(await _table.InsertRow(entry, new TableVersion(1, "0")));
        var row = await _table.ReadRow(entry.SiloAddress);
        var all = await _table.ReadAll();

        Assert.Equal(new TableVersion(1, "1"), row.Version);
        Assert.Equal(new TableVersion(1, "1"), all.Version);
        AssertSameEntry(entry, Assert.Single(row.Members).Item1);
        AssertSameEntry(entry, Assert.Single(all.Members).Item1);
        Assert.Equal(row.Members[0].Item2, all.Members[0].Item2);
        Assert.Equal([entry.SiloAddress.ToParsableString(), "Joining"],
            await fixture.Server.QueryAsync($"SELECT unnest(ARRAY[silo_address, status]) FROM {_schema}.orleans_membership"));
    }

    [Fact]
    public async Task AnEntryWithoutRoleOrSuspectsReadsBackWithoutThemAndAnEmptySuspectListStaysEmpty()
    {
        var none = NewEntry();
        none.RoleName = null;
        none.SuspectTimes = null;
        var empty = NewEntry();
        empty.SuspectTimes = [];

        Assert.True(await _table.InsertRow(none, new TableVersion(1, "0")));
        Assert.True(await _table.InsertRow(empty, new TableVersion(2, "1")));

        AssertSameEntry(none, Assert.Single((await _table.ReadRow(none.SiloAddress)).Members).Item1);
        AssertSameEntry(empty, Assert.Single((await _table.ReadRow(empty.SiloAddress)).Members).Item1);
    }

    [Fact]
    public async Task TimesOfUnspecifiedKindAreStoredAsUtcAndReadBackAsUtc()
    {
        var entry = NewEntry();
        var utc = entry.IAmAliveTime;
        entry.IAmAliveTime = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);
        entry.SuspectTimes = [Tuple.Create(NewSilo(), DateTime.SpecifyKind(utc, DateTimeKind.Unspecified))];

        Assert.True(await _table.InsertRow(entry, new TableVersion(1, "0")));
        var read = Assert.Single((await _table.ReadRow(entry.SiloAddress)).Members).Item1;

        Assert.Equal(DateTimeKind.Utc, read.IAmAliveTime.Kind);
        Assert.Equal(utc, read.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, read.SuspectTimes![0].Item2.Kind);
        Assert.Equal(utc, read.SuspectTimes[0].Item2);
    }

    [Fact]
    public async Task ReadingTheRowOfAnUnknownSiloAnswersNoMemberAndTheTableVersion()
    {
        Assert.True(await _table.InsertRow(NewEntry(), new TableVersion(1, "0")));

        var row = await _table.ReadRow(NewSilo());

        Assert.Empty(row.Members);
        Assert.Equal(new TableVersion(1, "1"), row.Version);
    }

    [Fact]
    public async Task ADuplicateInsertFailsAndChangesNothing()
    {
        var entry = NewEntry();
        Assert.True(await _table.InsertRow(entry, new TableVersion(1, "0")));
        var duplicate = NewEntry();
        duplicate.SiloAddress = entry.SiloAddress;
        duplicate.Status = SiloStatus.Active;

        Assert.False(await _table.InsertRow(duplicate, new TableVersion(2, "1")));

        var data = await _table.ReadAll();
        Assert.Equal(1, data.Version.Version);
        AssertSameEntry(entry, Assert.Single(data.Members).Item1);
    }

    [Fact]
    public async Task InsertingARowWithAStaleTableVersionChangesNothing()
    {
        var first = NewEntry();
        Assert.True(await _table.InsertRow(first, new TableVersion(1, "0")));

        Assert.False(await _table.InsertRow(NewEntry(), new TableVersion(1, "0")));
        Assert.False(await _table.InsertRow(NewEntry(), new TableVersion(3, "2")));

        var data = await _table.ReadAll();
        Assert.Equal(new TableVersion(1, "1"), data.Version);
        Assert.Equal(first.SiloAddress, Assert.Single(data.Members).Item1.SiloAddress);
    }

    [Fact]
    public async Task AWriteWhoseVersionEtagIsNotThatOfThePreviousVersionChangesNothing()
    {
        var entry = NewEntry();

        Assert.False(await _table.InsertRow(entry, new TableVersion(1, "not-the-etag")));

        var data = await _table.ReadAll();
        Assert.Equal(new TableVersion(0, "0"), data.Version);
        Assert.Empty(data.Members);
    }

    [Fact]
    public async Task AnUpdateReplacesTheWholeEntryMovesTheVersionAndGivesTheRowANewEtag()
    {
        var entry = NewEntry();
        Assert.True(await _table.InsertRow(entry, new TableVersion(1, "0")));
        var before = await _table.ReadAll();
        var etag = before.Members[0].Item2;
        var changed = NewEntry();
        changed.SiloAddress = entry.SiloAddress;
        changed.Status = SiloStatus.Active;
        changed.ProxyPort = 40000;
        changed.HostName = "host-b";
        changed.SiloName = "renamed";
        changed.RoleName = null;
        changed.UpdateZone = 7;
        changed.FaultZone = 8;
        changed.StartTime = entry.StartTime.AddSeconds(-5);
        changed.IAmAliveTime = entry.IAmAliveTime.AddSeconds(5);
        changed.SuspectTimes = [Tuple.Create(NewSilo(), Micros(DateTime.UtcNow))];

        Assert.True(await _table.UpdateRow(changed, etag, before.Version.Next()));

        var after = await _table.ReadAll();
        Assert.Equal(new TableVersion(2, "2"), after.Version);
        var (read, newEtag) = Assert.Single(after.Members);
        AssertSameEntry(changed, read);
        Assert.NotEqual(etag, newEtag);
    }

    [Fact]
    public async Task UpdatingARowWithAStaleTableVersionChangesNothing()
    {
        var entry = NewEntry();
        Assert.True(await _table.InsertRow(entry, new TableVersion(1, "0")));
        var etag = (await _table.ReadRow(entry.SiloAddress)).Members[0].Item2;
        var changed = WithStatus(entry, SiloStatus.Active);

        Assert.False(await _table.UpdateRow(changed, etag, new TableVersion(1, "0")));

        var data = await _table.ReadAll();
        Assert.Equal(1, data.Version.Version);
        var (read, etagAfter) = Assert.Single(data.Members);
        Assert.Equal(SiloStatus.Joining, read.Status);
        Assert.Equal(etag, etagAfter);
    }

    [Fact]
    public async Task UpdatingARowWithAStaleEtagChangesNothingNotEvenTheVersion()
    {
        var entry = NewEntry();
        Assert.True(await _table.InsertRow(entry, new TableVersion(1, "0")));
        var staleEtag = (await _table.ReadRow(entry.SiloAddress)).Members[0].Item2;
        Assert.True(await _table.UpdateRow(WithStatus(entry, SiloStatus.Active), staleEtag, new TableVersion(2, "1")));

        Assert.False(await _table.UpdateRow(WithStatus(entry, SiloStatus.Dead), staleEtag, new TableVersion(3, "2")));
        Assert.False(await _table.UpdateRow(WithStatus(entry, SiloStatus.Dead), "not-an-etag", new TableVersion(3, "2")));

        var data = await _table.ReadAll();
        Assert.Equal(2, data.Version.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(data.Members).Item1.Status);
    }

    [Fact]
    public async Task UpdatingASiloThatHasNoRowChangesNothing()
    {
        Assert.True(await _table.InsertRow(NewEntry(), new TableVersion(1, "0")));

        Assert.False(await _table.UpdateRow(NewEntry(), "0", new TableVersion(2, "1")));

        var data = await _table.ReadAll();
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task ConcurrentInsertsWithTheSameVersionHaveExactlyOneWinner()
    {
        var other = Open(ClusterId);
        var entries = Enumerable.Range(0, 10).Select(_ => NewEntry()).ToArray();

        var results = await Task.WhenAll(entries.Select((e, i) => Task.Run(() => (i % 2 == 0 ? _table : other).InsertRow(e, new TableVersion(1, "0")))));

        var winner = Assert.Single(entries.Where((_, i) => results[i]));
        var data = await _table.ReadAll();
        Assert.Equal(1, data.Version.Version);
        Assert.Equal(winner.SiloAddress, Assert.Single(data.Members).Item1.SiloAddress);
    }

    [Fact]
    public async Task ConcurrentUpdatersThatRereadAfterLosingAllLandOnePerVersion()
    {
        var entry = NewEntry();
        Assert.True(await _table.InsertRow(entry, new TableVersion(1, "0")));
        var tables = new[] { _table, Open(ClusterId), Open(ClusterId) };
        var losses = 0;

        // As Orleans' MembershipTableManager does: read, write the next version, and on a false answer read again.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            var table = tables[i % tables.Length];
            while (true)
            {
                var data = await table.ReadAll();
                var (current, etag) = data.Members[0];
                current.AddSuspector(NewSilo(), Micros(DateTime.UtcNow));
                if (await table.UpdateRow(current, etag, data.Version.Next()))
                    return;
                Interlocked.Increment(ref losses);
            }
        }))).WaitAsync(TimeSpan.FromSeconds(30));

        var final = await _table.ReadAll();
        Assert.Equal(13, final.Version.Version);
        // Every update kept the votes before it: no lost update.
        Assert.Equal(entry.SuspectTimes!.Count + 12, Assert.Single(final.Members).Item1.SuspectTimes!.Count);
        Assert.True(losses > 0, "The updaters never raced; the test proved nothing about conflicts.");
    }

    [Fact]
    public async Task UpdateIAmAliveChangesOnlyTheAliveTimeAndNeitherTheVersionNorTheEtag()
    {
        var entry = NewEntry();
        Assert.True(await _table.InsertRow(entry, new TableVersion(1, "0")));
        var etag = (await _table.ReadRow(entry.SiloAddress)).Members[0].Item2;
        var alive = Micros(DateTime.UtcNow.AddMinutes(5));

        // Orleans sends an entry with only the address and the alive time set.
        await _table.UpdateIAmAlive(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = alive });

        var data = await _table.ReadAll();
        Assert.Equal(new TableVersion(1, "1"), data.Version);
        var (read, etagAfter) = Assert.Single(data.Members);
        Assert.Equal(etag, etagAfter);
        entry.IAmAliveTime = alive;
        AssertSameEntry(entry, read);
        Assert.True(await _table.UpdateRow(read, etagAfter, data.Version.Next()));
    }

    [Fact]
    public async Task CleanupDefunctSiloEntriesRemovesOnlyOldRowsThatAreNotActive()
    {
        var cutoff = DateTime.UtcNow.AddDays(-3);
        var old = Enum.GetValues<SiloStatus>().Select(s => Aged(NewEntry(s), days: 10)).ToArray();
        var recent = Enum.GetValues<SiloStatus>().Select(s => NewEntry(s)).ToArray();
        var restarted = Aged(NewEntry(SiloStatus.Dead), days: 10);
        restarted.StartTime = Micros(DateTime.UtcNow);
        var otherCluster = Open("cluster-b");
        await otherCluster.InitializeMembershipTable(true);
        var otherOld = Aged(NewEntry(SiloStatus.Dead), days: 10);
        Assert.True(await otherCluster.InsertRow(otherOld, new TableVersion(1, "0")));
        await InsertAllAsync([.. old, .. recent, restarted]);

        await _table.CleanupDefunctSiloEntries(new DateTimeOffset(cutoff));

        var left = (await _table.ReadAll()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        var expected = recent.Append(restarted).Append(old.Single(e => e.Status == SiloStatus.Active)).Select(e => e.SiloAddress).ToHashSet();
        Assert.Equal(expected, left);
        Assert.Single((await otherCluster.ReadAll()).Members);
    }

    [Fact]
    public async Task DeletingAClustersEntriesRemovesItsRowsAndVersionButNotAnotherClusters()
    {
        var other = Open("cluster-b");
        await other.InitializeMembershipTable(true);
        Assert.True(await _table.InsertRow(NewEntry(), new TableVersion(1, "0")));
        Assert.True(await _table.InsertRow(NewEntry(), new TableVersion(2, "1")));
        var kept = NewEntry();
        Assert.True(await other.InsertRow(kept, new TableVersion(1, "0")));

        await _table.DeleteMembershipTableEntries(ClusterId);

        var deleted = await _table.ReadAll();
        Assert.Empty(deleted.Members);
        Assert.Equal(new TableVersion(0, "0"), deleted.Version);
        Assert.Equal(["cluster-b"], await fixture.Server.QueryAsync($"SELECT cluster_id FROM {_schema}.orleans_membership_version"));
        var untouched = await other.ReadAll();
        Assert.Equal(1, untouched.Version.Version);
        Assert.Equal(kept.SiloAddress, Assert.Single(untouched.Members).Item1.SiloAddress);
        await _table.InitializeMembershipTable(true);
        Assert.True(await _table.InsertRow(NewEntry(), new TableVersion(1, "0")));
    }

    [Fact]
    public async Task InitializingTheMembershipFirstCreatesTheSchemaTheEventStoreThenUses()
    {
        var schema = $"membership_first_{Guid.NewGuid():N}";
        var table = Open(ClusterId, schema);

        await table.InitializeMembershipTable(true);
        await using var store = await fixture.OpenAsync(schema);
        await store.AppendAsync(Request(NewStream(), 0, Command("c1")));

        Assert.Equal(["1", "2", "3", "4"], await fixture.Server.QueryAsync($"SELECT version::text FROM {schema}.schema_version ORDER BY version"));
        Assert.Equal(0, (await table.ReadAll()).Version.Version);
    }

    [Fact]
    public async Task AnUnreachableDatabaseFailsWithAnNpgsqlExceptionForOrleansToRetry()
    {
        var table = Open(ClusterId, _schema, $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=5");

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => table.InitializeMembershipTable(true));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => table.ReadAll());
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => table.InsertRow(NewEntry(), new TableVersion(1, "0")));
    }

    [Fact]
    public async Task WhileTheDatabaseIsDownCallsFailAndAfterItRestartsTheNextCallsSucceed()
    {
        await using var server = await PostgresServer.StartAsync();
        var table = Open(ClusterId, _schema, server.ConnectionString);
        await table.InitializeMembershipTable(true);
        Assert.True(await table.InsertRow(NewEntry(), new TableVersion(1, "0")));

        await server.StopServerAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => table.ReadAll());
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => table.UpdateIAmAlive(NewEntry()));
        await server.StartServerAsync();

        var data = await table.ReadAll();
        Assert.Equal(1, data.Version.Version);
        Assert.True(await table.InsertRow(NewEntry(), data.Version.Next()));
    }

    [Fact]
    public void ASchemaNameThatIsNotAPlainLowerCaseIdentifierIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Open(ClusterId, "Cases; DROP TABLE x"));

        Assert.Contains("schema name", error.Message, StringComparison.Ordinal);
    }

    private PostgresMembershipTable Open(string clusterId, string? schema = null, string? connectionString = null)
    {
        // Small pools: the tests' tables share the server's connection limit.
        connectionString ??= new NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString) { MaxPoolSize = 10 }.ConnectionString;
        var table = new PostgresMembershipTable(
            Options.Create(new PostgresClusteringOptions { ConnectionString = connectionString, Schema = schema ?? _schema }),
            Options.Create(new ClusterOptions { ClusterId = clusterId }),
            NullLogger<PostgresMembershipTable>.Instance);
        _opened.Add(table);
        return table;
    }

    private async Task InsertAllAsync(IEnumerable<MembershipEntry> entries)
    {
        foreach (var entry in entries)
            Assert.True(await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next()));
    }

    private static SiloAddress NewSilo() => SiloAddress.New(IPAddress.Loopback, 11111, Interlocked.Increment(ref _generation));

    private static MembershipEntry NewEntry(SiloStatus status = SiloStatus.Joining)
    {
        var now = Micros(DateTime.UtcNow);
        return new MembershipEntry
        {
            SiloAddress = NewSilo(),
            Status = status,
            ProxyPort = 30000,
            HostName = "host-a",
            SiloName = $"silo-{Guid.NewGuid():N}",
            RoleName = "cases",
            UpdateZone = 2,
            FaultZone = 3,
            StartTime = now.AddMinutes(-1),
            IAmAliveTime = now,
            SuspectTimes = [Tuple.Create(NewSilo(), now.AddSeconds(-2))],
        };
    }

    private static MembershipEntry Aged(MembershipEntry entry, int days)
    {
        entry.StartTime = entry.StartTime.AddDays(-days);
        entry.IAmAliveTime = entry.IAmAliveTime.AddDays(-days);
        return entry;
    }

    private static MembershipEntry WithStatus(MembershipEntry entry, SiloStatus status) => new()
    {
        SiloAddress = entry.SiloAddress,
        Status = status,
        ProxyPort = entry.ProxyPort,
        HostName = entry.HostName,
        SiloName = entry.SiloName,
        RoleName = entry.RoleName,
        UpdateZone = entry.UpdateZone,
        FaultZone = entry.FaultZone,
        StartTime = entry.StartTime,
        IAmAliveTime = entry.IAmAliveTime,
        SuspectTimes = entry.SuspectTimes,
    };

    // timestamptz keeps microseconds; a DateTime has tenths of them.
    private static DateTime Micros(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    private static void AssertSameEntry(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.RoleName, actual.RoleName);
        Assert.Equal(expected.UpdateZone, actual.UpdateZone);
        Assert.Equal(expected.FaultZone, actual.FaultZone);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(DateTimeKind.Utc, actual.StartTime.Kind);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, actual.IAmAliveTime.Kind);
        if (expected.SuspectTimes is null)
        {
            Assert.Null(actual.SuspectTimes);
            return;
        }
        Assert.NotNull(actual.SuspectTimes);
        Assert.Equal(expected.SuspectTimes.Select(v => (v.Item1, v.Item2)), actual.SuspectTimes.Select(v => (v.Item1, v.Item2)));
        Assert.All(actual.SuspectTimes, v => Assert.Equal(DateTimeKind.Utc, v.Item2.Kind));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
