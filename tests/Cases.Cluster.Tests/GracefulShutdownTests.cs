using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cases.Storage.Postgres.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Cases.Cluster.Tests;

public sealed class GracefulShutdownTests(ITestOutputHelper output) : IDisposable
{
    private const int Intakes = 80;
    private const int Workers = 4;
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-sigterm-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SigtermMidLoadDrainsLeavesTheClusterAndLosesOrDoublesNoAcknowledgedIntake()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var key = RandomNumberGenerator.GetBytes(32);
        // Orleans' default membership timing: only a graceful leave can hand the terminated silo's grains over in time.
        var silos = new List<ClusterSilo>();
        try
        {
            for (var i = 1; i <= 2; i++)
                silos.Add(await ClusterSilo.StartAsync($"silo-{i}", postgres.ConnectionString, key, fastFailover: false, Path.Combine(_folder, $"silo-{i}")));
            await KilledSiloTests.WaitForActiveSilosAsync(postgres.ConnectionString, 2);

            var acknowledged = new ConcurrentBag<string>();
            var next = -1;
            Task<int>? terminated = null;
            var acknowledgedAfterExit = 0;
            async Task WorkAsync(int worker)
            {
                using var client = new ClusterClient(silos, key);
                int i;
                while ((i = Interlocked.Increment(ref next)) < Intakes)
                {
                    if (i == Intakes / 4)
                        terminated = silos[1].TerminateAsync(TimeSpan.FromSeconds(40));
                    var id = $"S-{i:D3}";
                    // Half the load prefers the silo that is terminated; the client retries elsewhere with the same key.
                    await client.SendAsync(HttpMethod.Post, "applicants", KilledSiloTests.Profile(id), null, $"intake-{id}", i);
                    acknowledged.Add($"intake-{id}");
                    if (terminated is { IsCompleted: true })
                        Interlocked.Increment(ref acknowledgedAfterExit);
                }
            }
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(WorkAsync));
            var exitCode = await terminated!;
            output.WriteLine($"{acknowledged.Count} intakes acknowledged, {acknowledgedAfterExit} after the terminated silo had exited.");

            Assert.Equal(0, exitCode);
            Assert.Equal(Intakes, acknowledged.Count);
            await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
            Assert.Equal(["silo-1"], await SilosAsync(db, "Active"));
            Assert.Equal(["silo-2"], await SilosAsync(db, "Dead"));
            foreach (var command in acknowledged)
                Assert.Equal(1L, await ScalarAsync(db, "SELECT count(*) FROM cases.commands WHERE command_id = @id", command));
            Assert.Equal((long)Intakes, await ScalarAsync(db, "SELECT count(*) FROM cases.events WHERE event_type = @id", "ApplicantRegistered"));
        }
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
        }
    }

    private static async Task<List<string>> SilosAsync(NpgsqlDataSource db, string status)
    {
        await using var command = db.CreateCommand("SELECT silo_name FROM cases.orleans_membership WHERE status = @status ORDER BY silo_name");
        command.Parameters.AddWithValue("status", status);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, string id)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
