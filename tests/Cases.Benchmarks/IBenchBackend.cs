using Cases.Journal.Events;
using Cases.Journal.Storage;

namespace Cases.Benchmarks;

/// <summary>A store the runtime benchmark drives, with its reference: raw batched inserts of the same rows into the same database.</summary>
internal interface IBenchBackend
{
    /// <summary>How the figures are labelled, e.g. "synchronous=Full" or "postgres".</summary>
    string Label { get; }

    /// <summary>A fresh store named <paramref name="name"/> (a file or a schema), initialized.</summary>
    Task<IEventStore> OpenStoreAsync(string name);

    (long Transactions, long Writes) WriteTotals(IEventStore store);

    /// <summary>Gives a silo over the store named <paramref name="name"/> its default grain storage on the same backend.</summary>
    void AddGrainStorage(ISiloBuilder silo, string name);

    /// <summary>Inserts the rows into a fresh store of the same schema, <paramref name="batch"/> rows per transaction; answers the time taken.</summary>
    Task<TimeSpan> RawInsertAsync(string name, IReadOnlyList<StoredEvent> rows, int batch);
}
