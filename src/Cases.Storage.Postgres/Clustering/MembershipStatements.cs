namespace Cases.Storage.Postgres.Clustering;

/// <summary>The membership table's SQL for one schema; parameters are positional (<c>$1</c> is always the cluster id).</summary>
internal sealed class MembershipStatements(PostgresSchema schema)
{
    /// <summary>The member columns in the order <see cref="PostgresMembershipTable"/> reads them, after the table version.</summary>
    private const string MemberColumns =
        "m.silo_address, m.etag, m.status, m.proxy_port, m.host_name, m.silo_name, m.role_name, m.update_zone, m.fault_zone, " +
        "m.start_time, m.i_am_alive_time, m.suspect_times";

    private string Versions => $"{schema.Name}.orleans_membership_version";

    private string Members => $"{schema.Name}.orleans_membership";

    public string InsertVersion => $"INSERT INTO {Versions} (cluster_id, version) VALUES ($1, 0) ON CONFLICT (cluster_id) DO NOTHING";

    /// <summary>Moves the version from <c>$2 - 1</c> to <c>$2</c>; no row changes when another writer moved it first.</summary>
    public string AdvanceVersion => $"UPDATE {Versions} SET version = $2, changed_at = now() WHERE cluster_id = $1 AND version = $2 - 1";

    public string InsertMember => $"""
        INSERT INTO {Members} (cluster_id, silo_address, etag, status, proxy_port, host_name, silo_name, role_name, update_zone, fault_zone,
                               start_time, i_am_alive_time, suspect_times)
        VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        ON CONFLICT (cluster_id, silo_address) DO NOTHING
        """;

    /// <summary>Replaces the whole entry if its etag is still <c>$3</c>, and gives it the next etag.</summary>
    public string UpdateMember => $"""
        UPDATE {Members}
        SET etag = etag + 1, status = $4, proxy_port = $5, host_name = $6, silo_name = $7, role_name = $8, update_zone = $9, fault_zone = $10,
            start_time = $11, i_am_alive_time = $12, suspect_times = $13
        WHERE cluster_id = $1 AND silo_address = $2 AND etag = $3
        """;

    public string UpdateIAmAlive => $"UPDATE {Members} SET i_am_alive_time = $3 WHERE cluster_id = $1 AND silo_address = $2";

    // One statement reads one snapshot, so the version and the rows agree; the outer join answers the version when there are no rows.
    public string ReadAll => $"""
        SELECT v.version, {MemberColumns}
        FROM {Versions} v LEFT JOIN {Members} m ON m.cluster_id = v.cluster_id
        WHERE v.cluster_id = $1
        """;

    public string ReadRow => $"""
        SELECT v.version, {MemberColumns}
        FROM {Versions} v LEFT JOIN {Members} m ON m.cluster_id = v.cluster_id AND m.silo_address = $2
        WHERE v.cluster_id = $1
        """;

    public string DeleteMembers => $"DELETE FROM {Members} WHERE cluster_id = $1";

    public string DeleteVersion => $"DELETE FROM {Versions} WHERE cluster_id = $1";

    /// <summary>Deletes the rows not <c>$2</c> (Active) whose later of start and last-alive time is before <c>$3</c>.</summary>
    public string DeleteDefunct => $"DELETE FROM {Members} WHERE cluster_id = $1 AND status <> $2 AND GREATEST(start_time, i_am_alive_time) < $3";
}
