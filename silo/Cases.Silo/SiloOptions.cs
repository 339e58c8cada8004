namespace Cases.Silo;

/// <summary>The silo's own settings, bound from the "Cases" configuration section.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Cases";

    /// <summary>The folder holding the database file; a relative path is taken from the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite's durability; Full (the default) answers a command only after its commit is on disk.</summary>
    public Cases.Storage.Sqlite.SqliteSynchronous Synchronous { get; set; } = Cases.Storage.Sqlite.SqliteSynchronous.Full;

    /// <summary>Whether this silo delivers stream events; a silo that only serves reads may turn it off.</summary>
    public bool StreamsEnabled { get; set; } = true;

    /// <summary>How long the silo waits before trying again to open a store that could not be opened.</summary>
    public TimeSpan StoreRetryInterval { get; set; } = TimeSpan.FromSeconds(5);
}
