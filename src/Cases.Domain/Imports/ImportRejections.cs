namespace Cases.Domain.Imports;

/// <summary>The codes with which a grain refuses an imported record; the first two mean "a person decides", never a merge.</summary>
public static class ImportRejections
{
    /// <summary>A case already on the platform holds the identity document or enterprise id the row names.</summary>
    public const string MatchesExistingCase = "import-matches-existing-case";

    /// <summary>An earlier import for the same identity holds facts that contradict the row.</summary>
    public const string ConflictsWithImport = "import-conflicts";

    /// <summary>Only an admin imports decisions taken before the platform.</summary>
    public const string NotAnAdmin = "not-allowed";

    /// <summary>A decision date after the import's own date.</summary>
    public const string FutureDecision = "invalid-decision-date";

    /// <summary>What a row needs first (the applicant's permit, the enterprise's admission) was not imported.</summary>
    public const string NothingToAttachTo = "unknown-imported-case";

    /// <summary>Whether a rejection asks a person to decide rather than refusing the row as malformed.</summary>
    public static bool IsForAPerson(string code) => code is MatchesExistingCase or ConflictsWithImport;
}
