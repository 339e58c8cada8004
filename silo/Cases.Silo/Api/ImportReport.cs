namespace Cases.Silo.Api;

/// <summary>What an import did, row by row: imported, already imported (nothing changed), refused, or left for a person to decide.</summary>
/// <remarks>Re-running the same file answers the same report with every imported row counted as already imported, so the report is reproducible.</remarks>
/// <param name="ImportId">The import's own record, <c>GET /imports/{id}</c> and the audit stream <c>import/{id}</c>.</param>
public sealed record ImportReport(
    string ImportId,
    int Rows,
    int Imported,
    int AlreadyImported,
    IReadOnlyList<ImportedRow> Cases,
    IReadOnlyList<RefusedRow> Refused,
    IReadOnlyList<RowToDecide> ToDecide);

/// <summary>A row that reached its case: the case's stream and whether this run changed it.</summary>
public sealed record ImportedRow(int Line, string Grain, bool AlreadyImported);

/// <summary>A row naming an identity that a case already holds (or an earlier import contradicts): never merged, listed for a person.</summary>
public sealed record RowToDecide(int Line, string Grain, string Code, string Reason);
