using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Cases.Storage.Postgres.Clustering;

/// <summary>Orleans' membership table in our PostgreSQL schema: one version row per cluster and one row per silo, each write conditional on the version.</summary>
/// <remarks>The table version's etag is its number as text; a row's etag is a counter that each <see cref="UpdateRow"/> bumps and
/// <see cref="UpdateIAmAlive"/> leaves alone. Writes lock the version row first, so writers holding the same version serialize there
/// and all but the first find it moved.</remarks>
public sealed partial class PostgresMembershipTable : IMembershipTable, IAsyncDisposable
{
    private readonly string _clusterId;
    private readonly PostgresSchema _schema;
    private readonly MembershipStatements _sql;
    private readonly NpgsqlDataSource _dataSource;
    private readonly StoreErrors _errors;
    private readonly ILogger<PostgresMembershipTable> _logger;

    /// <summary>Validates the options and opens nothing yet; <see cref="InitializeMembershipTable"/> brings the schema up to date.</summary>
    public PostgresMembershipTable(
        IOptions<PostgresClusteringOptions> options, IOptions<ClusterOptions> clusterOptions, ILogger<PostgresMembershipTable> logger)
    {
        var settings = options.Value;
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.ConnectionString, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterOptions.Value.ClusterId, nameof(clusterOptions));
        _clusterId = clusterOptions.Value.ClusterId;
        _schema = new PostgresSchema(settings.Schema);
        _sql = new MembershipStatements(_schema);
        _logger = logger;
        var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
        // A DBA looking at pg_stat_activity tells membership traffic from the event store's.
        builder.ConnectionStringBuilder.ApplicationName ??= "cases-membership";
        _dataSource = builder.Build();
        _errors = new StoreErrors(_dataSource);
    }

    /// <summary>Applies the schema's migrations, then, if asked, creates this cluster's version row at version 0 unless it exists.</summary>
    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        // A silo may start its membership before its event store: either one brings the schema up to date, under the same migration lock.
        await GuardAsync(async () =>
        {
            await PostgresMigrations.ApplyAsync(_dataSource, _schema, CancellationToken.None).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        if (!tryInitTableVersion)
            return;
        if (await RunAsync(c => ExecuteAsync(c, _sql.InsertVersion, [_clusterId])).ConfigureAwait(false) == 1)
            LogCreatedVersionRow(_clusterId, _schema.Name);
    }

    /// <summary>Deletes the given cluster's rows and its version row, together.</summary>
    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        var rows = await RunAsync(async connection =>
        {
            await using var tx = await connection.BeginTransactionAsync().ConfigureAwait(false);
            // Rows first: they reference the version row.
            var deleted = await ExecuteAsync(connection, _sql.DeleteMembers, [clusterId]).ConfigureAwait(false);
            await ExecuteAsync(connection, _sql.DeleteVersion, [clusterId]).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
            return deleted;
        }).ConfigureAwait(false);
        LogDeletedCluster(clusterId, rows);
    }

    /// <summary>Deletes this cluster's rows that are not Active and whose later of start and last-alive time is before <paramref name="beforeDate"/>.</summary>
    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        var removed = await RunAsync(c => ExecuteAsync(c, _sql.DeleteDefunct, [_clusterId, SiloStatus.Active.ToString(), beforeDate.UtcDateTime]))
            .ConfigureAwait(false);
        if (removed > 0)
            LogRemovedDefunct(removed, _clusterId, beforeDate);
    }

    /// <summary>The silo's row (if any) and the table version, read in one snapshot.</summary>
    public Task<MembershipTableData> ReadRow(SiloAddress key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ReadAsync(_sql.ReadRow, [_clusterId, key.ToParsableString()]);
    }

    /// <summary>Every row of this cluster and the table version, read in one snapshot.</summary>
    public Task<MembershipTableData> ReadAll() => ReadAsync(_sql.ReadAll, [_clusterId]);

    /// <summary>Adds the silo's row and moves the version to <paramref name="tableVersion"/>, or does neither if the row exists or the version moved.</summary>
    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync(nameof(InsertRow), entry, tableVersion, c => ExecuteAsync(c, _sql.InsertMember, [_clusterId, .. Fields(entry)]));
    }

    /// <summary>Replaces the silo's row and moves the version to <paramref name="tableVersion"/>, or does neither if the row's etag or the version moved.</summary>
    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Row etags are counters we hand out: text that is none matches no row.
        if (!int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var rowEtag))
            return Task.FromResult(false);
        var fields = Fields(entry);
        return WriteAsync(nameof(UpdateRow), entry, tableVersion, c => ExecuteAsync(c, _sql.UpdateMember, [_clusterId, fields[0], rowEtag, .. fields[1..]]));
    }

    /// <summary>Sets only the silo's last-alive time; neither the version nor the row's etag changes.</summary>
    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var updated = await RunAsync(c => ExecuteAsync(c, _sql.UpdateIAmAlive,
            [_clusterId, entry.SiloAddress.ToParsableString(), MembershipTimes.Utc(entry.IAmAliveTime)])).ConfigureAwait(false);
        // Orleans expects no semantic failure here; a silo without a row learns it is out from its next read of the table.
        if (updated == 0)
            LogNoRowForIAmAlive(entry.SiloAddress, _clusterId);
    }

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static string Etag(int counter) => counter.ToString(CultureInfo.InvariantCulture);

    private static TableVersion Version(int version) => new(version, Etag(version));

    // The silo address first, then the fields in the column order of MembershipStatements' inserts and updates.
    private static object?[] Fields(MembershipEntry e) =>
    [
        e.SiloAddress.ToParsableString(), e.Status.ToString(), e.ProxyPort, e.HostName, e.SiloName, e.RoleName, e.UpdateZone, e.FaultZone,
        MembershipTimes.Utc(e.StartTime), MembershipTimes.Utc(e.IAmAliveTime), SuspectVotes.Format(e.SuspectTimes),
    ];

    private static MembershipEntry Entry(NpgsqlDataReader r) => new()
    {
        SiloAddress = SiloAddress.FromParsableString(r.GetString(1)),
        Status = Enum.Parse<SiloStatus>(r.GetString(3)),
        ProxyPort = r.GetInt32(4),
        HostName = r.GetString(5),
        SiloName = r.GetString(6),
        RoleName = r.IsDBNull(7) ? null : r.GetString(7),
        UpdateZone = r.GetInt32(8),
        FaultZone = r.GetInt32(9),
        StartTime = r.GetDateTime(10),
        IAmAliveTime = r.GetDateTime(11),
        SuspectTimes = SuspectVotes.Parse(r.IsDBNull(12) ? null : r.GetString(12)),
    };

    // Moves the version and changes the row in one transaction: if either finds its condition false, both roll back.
    private Task<bool> WriteAsync(string operation, MembershipEntry entry, TableVersion tableVersion, Func<NpgsqlConnection, Task<int>> changeRow)
    {
        ArgumentNullException.ThrowIfNull(tableVersion);
        // The table's etag at version n is n as text, so a version whose etag is not its predecessor's matches no table.
        if (tableVersion.VersionEtag != Etag(tableVersion.Version - 1))
        {
            LogWriteRefused(operation, entry.SiloAddress, tableVersion, "its etag does not name the previous version");
            return Task.FromResult(false);
        }
        return RunAsync(async connection =>
        {
            await using var tx = await connection.BeginTransactionAsync().ConfigureAwait(false);
            string? refusal = null;
            if (await ExecuteAsync(connection, _sql.AdvanceVersion, [_clusterId, tableVersion.Version]).ConfigureAwait(false) != 1)
                refusal = "the table is not at the previous version";
            else if (await changeRow(connection).ConfigureAwait(false) != 1)
                refusal = "the row's condition failed";
            if (refusal is not null)
            {
                await tx.RollbackAsync().ConfigureAwait(false);
                LogWriteRefused(operation, entry.SiloAddress, tableVersion, refusal);
                return false;
            }
            await tx.CommitAsync().ConfigureAwait(false);
            return true;
        });
    }

    private Task<MembershipTableData> ReadAsync(string sql, object?[] parameters) => RunAsync(async connection =>
    {
        await using var command = PositionalCommand.On(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        TableVersion? version = null;
        var members = new List<Tuple<MembershipEntry, string>>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            version ??= Version(reader.GetInt32(0));
            if (!reader.IsDBNull(1))
                members.Add(Tuple.Create(Entry(reader), Etag(reader.GetInt32(2))));
        }
        // Without its version row (never initialized, or deleted) the cluster reads as empty at version 0, which no write can follow.
        return new MembershipTableData(members, version ?? Version(0));
    });

    private Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work) => GuardAsync(async () =>
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    });

    // Failures surface for Orleans to retry; after a lost connection the pool is dropped so that the retry connects afresh.
    private async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (StoreErrors.IsStoreFailure(e))
        {
            _errors.Failed(e);
            throw;
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, object?[] parameters)
    {
        await using var command = PositionalCommand.On(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the membership version row of cluster {ClusterId} in schema {Schema}.")]
    private partial void LogCreatedVersionRow(string clusterId, string schema);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the membership of cluster {ClusterId}: its version row and {Rows} silo rows.")]
    private partial void LogDeletedCluster(string clusterId, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} defunct silo rows of cluster {ClusterId} last alive before {BeforeDate}.")]
    private partial void LogRemovedDefunct(int count, string clusterId, DateTimeOffset beforeDate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "UpdateIAmAlive found no row for silo {Silo} in cluster {ClusterId}.")]
    private partial void LogNoRowForIAmAlive(SiloAddress silo, string clusterId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Operation} of silo {Silo} to table version {TableVersion} wrote nothing: {Reason}.")]
    private partial void LogWriteRefused(string operation, SiloAddress silo, TableVersion tableVersion, string reason);
}
