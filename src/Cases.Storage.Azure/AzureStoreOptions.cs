namespace Cases.Storage.Azure;

/// <summary>Where the Azure Storage store lives and how many queued appends one group commit considers.</summary>
public sealed class AzureStoreOptions
{
    /// <summary>An Azure Storage connection string; <c>UseDevelopmentStorage=true</c> means a local Azurite on its default ports.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The table holding the journal; created if missing. Letters and digits, starting with a letter, 3 to 63 characters.</summary>
    public string TableName { get; set; } = "casesjournal";

    /// <summary>The most queued appends one round of group commit plans at once; a transaction takes as many of them as fit 100 entities and 4 MiB.</summary>
    public int MaxBatchSize { get; set; } = 128;

    /// <summary>How often a round re-plans after another writer committed first (each time on a freshly read log head) before failing as unavailable.</summary>
    public int MaxAttempts { get; set; } = 32;
}
