using Cases.Journal.Storage;
using Cases.Storage.Conformance;
using Cases.Storage.Postgres.Tests.Support;
using Npgsql;
using static Cases.Storage.Conformance.Appends;

namespace Cases.Storage.Postgres.Tests;

/// <summary>A write is acknowledged only once its COMMIT returned with synchronous_commit on (PostgreSQL's WAL flush); a failed COMMIT fails it as StoreUnavailable.</summary>
[Collection(PostgresServerCollection.Name)]
public sealed class PostgresCommitTests(PostgresServerFixture fixture) : IAsyncLifetime
{
    private const string Schema = "commit_gate";
    private PostgresEventStore _store = null!;
    private CommitGate _gate = null!;

    public static TheoryData<string> Writes => DurableWrites.Kinds;

    public async Task InitializeAsync()
    {
        _store = await fixture.StoreAsync(Schema);
        _gate = new CommitGate(fixture.Server.ConnectionString, Schema);
        await _gate.InstallAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory, MemberData(nameof(Writes))]
    public async Task AWriteStaysUnacknowledgedUntilItsCommitReturns(string write)
    {
        var name = NewStream("hold");
        Task acknowledged;
        await using (await _gate.HoldAsync())
        {
            acknowledged = DurableWrites.StartAsync(_store, write, name);
            await WaitUntilAsync(() => acknowledged.IsCompleted ? Task.FromResult(true) : _gate.IsHoldingACommitAsync());

            // Inside COMMIT: not yet visible to readers, and the caller must not have heard.
            Assert.False(await DurableWrites.IsVisibleAsync(_store, write, name), $"the {write} was visible before its commit returned");
            Assert.False(acknowledged.IsCompleted, $"the {write} was acknowledged before its commit returned");
        }
        await acknowledged;
        Assert.True(await DurableWrites.IsVisibleAsync(_store, write, name));
    }

    [Theory, MemberData(nameof(Writes))]
    public async Task AWriteWhoseCommitFailsFailsAsStoreUnavailableAndLeavesNothing(string write)
    {
        var name = NewStream("fail");

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => DurableWrites.StartAsync(_store, write, name));

        Assert.Contains("could not write the WAL (test)", error.Message, StringComparison.Ordinal);
        Assert.False(await DurableWrites.IsVisibleAsync(_store, write, name));
    }

    [Fact]
    public async Task WritesCommitWithSynchronousCommitOnEvenWhereTheServerDefaultsItOff()
    {
        // As a server or role configured with synchronous_commit = off would give every session.
        var relaxed = new NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString) { Options = "-c synchronous_commit=off" }.ConnectionString;
        await using var store = new PostgresEventStore(new PostgresStoreOptions { ConnectionString = relaxed, Schema = Schema });
        await store.InitializeAsync();
        var name = NewStream("sync");

        await store.AppendAsync(Request(name, 0, Command("c1")));

        Assert.Equal("off", await ShowSynchronousCommitAsync(relaxed));
        Assert.Equal("on", await _gate.SynchronousCommitOfAsync(name));
    }

    private static async Task<string?> ShowSynchronousCommitAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW synchronous_commit", connection);
        return await command.ExecuteScalarAsync() as string;
    }

    // Bounded polling for the server to report the waiting commit; the assertions that follow do not depend on how long it took.
    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "no commit reached the gate within 30 s");
            await Task.Delay(20);
        }
    }
}
