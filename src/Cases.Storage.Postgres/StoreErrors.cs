using Cases.Journal.Storage;
using Npgsql;

namespace Cases.Storage.Postgres;

/// <summary>Turns Npgsql's failures (server down, connection lost, timeouts, refused statements) into the journal's retryable <see cref="StoreUnavailableException"/>.</summary>
internal sealed class StoreErrors(NpgsqlDataSource dataSource)
{
    public static bool IsStoreFailure(Exception e) => e is NpgsqlException or TimeoutException;

    public static StoreUnavailableException Unavailable(string doing, Exception e) =>
        new($"PostgreSQL store: cannot {doing}: {e.Message}", e);

    /// <summary>After a lost connection the pool's idle connections are likely dead too (a server restart): drop them so the next call connects afresh.</summary>
    public void Failed(Exception e)
    {
        if (e is NpgsqlException and not PostgresException)
            dataSource.Clear();
    }

    public async Task<T> GuardAsync<T>(string doing, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            Failed(e);
            throw Unavailable(doing, e);
        }
    }

    public async Task GuardAsync(string doing, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            Failed(e);
            throw Unavailable(doing, e);
        }
    }
}
