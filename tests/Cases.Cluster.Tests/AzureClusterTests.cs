using System.Security.Cryptography;
using Azure.Data.Tables;
using Cases.Journal.Events;
using Cases.Silo.Clustering;
using Cases.Storage.Azure;
using Cases.Storage.Azure.Tests.Support;
using Xunit.Abstractions;

namespace Cases.Cluster.Tests;

/// <summary>Silos on Azure Storage (a private Azurite): Orleans' Azure Table clustering, and our journal on Azure Tables.</summary>
public sealed class AzureClusterTests(ITestOutputHelper output) : IDisposable
{
    private const int Applicants = 12;
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-azure-cluster-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TwoSilosOnAzureStorageLoseNoAcknowledgedCommandAndDoubleNoEffectWhenOneIsKilled()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var key = RandomNumberGenerator.GetBytes(32);
        var silos = new List<ClusterSilo>();
        try
        {
            for (var i = 1; i <= 2; i++)
                silos.Add(await ClusterSilo.StartAsync($"silo-{i}", azurite.ConnectionString, key, fastFailover: true, Path.Combine(_folder, $"silo-{i}"), store: "azure"));
            await WaitForActiveSilosAsync(azurite.ConnectionString, 2);
            using var client = new ClusterClient(silos, key);
            var officer = client.Token("officer", "wang");

            for (var i = 0; i < Applicants; i++)
            {
                if (i == Applicants / 2)
                {
                    // SIGKILL with Azurite left running: what the killed silo acknowledged is in Azurite's memory already.
                    silos[1].Kill();
                    client.MarkDead(silos[1]);
                }
                await SubmitAndApproveAsync(client, officer, i);
            }

            await using var store = new AzureEventStore(new AzureStoreOptions { ConnectionString = azurite.ConnectionString, TableName = "casesjournal" });
            await store.InitializeAsync();
            List<StoredEvent> log = [];
            await EventuallyAsync(async () =>
            {
                log = await store.ReadAllAsync(1).ToListAsync();
                return Count(log, "HousingCaseOpened") == Applicants && Count(log, "RentalSubsidyEligibilityOpened") == Applicants;
            }, "every effect has been delivered");
            await Task.Delay(TimeSpan.FromSeconds(1)); // any late duplicate delivery would land here
            log = await store.ReadAllAsync(1).ToListAsync();
            output.WriteLine($"{log.Count} events in the journal; {client.Acknowledged.Count} commands acknowledged.");

            var commands = log.Select(e => e.CommandId).ToHashSet(StringComparer.Ordinal);
            Assert.All(client.Acknowledged, id => Assert.Contains(id, commands));
            Assert.Equal(Applicants, Count(log, "PermitApproved"));
            Assert.Equal(Applicants, Count(log, "HousingCaseOpened"));
            Assert.Equal(Applicants, Count(log, "RentalSubsidyEligibilityOpened"));
            var approvals = log.Where(e => e.EventType == "PermitApproved").Select(e => e.EventId.ToString()).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(Applicants, log.Where(e => e.EventType == "HousingCaseOpened" && approvals.Contains(e.CausationId ?? "")).Select(e => e.CausationId).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, log.Count).Select(p => (long)p), log.Select(e => e.Position));
            Assert.Empty(await ChainVerifier.VerifyAllAsync(store));
            // The read models kept their partitions in Orleans' Azure Table grain storage through the kill, and equal a rebuild from the log.
            var compared = await client.SendAsync(HttpMethod.Post, "read-models/rebuild?compareOnly=true", null, client.Token("admin", "root"), "compare-read-models", 0);
            var report = System.Text.Json.JsonDocument.Parse(await compared.Content.ReadAsStringAsync()).RootElement;
            Assert.True(report.GetProperty("liveEqualsRebuilt").GetBoolean(), report.ToString());
        }
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
        }
    }

    private static int Count(List<StoredEvent> log, string type) => log.Count(e => e.EventType == type);

    private static async Task SubmitAndApproveAsync(ClusterClient client, string officer, int i)
    {
        var id = $"P-{i:D3}";
        await client.SendAsync(HttpMethod.Post, "applicants", KilledSiloTests.Profile(id), null, $"intake-{id}", i);
        await client.SendAsync(HttpMethod.Post, $"applicants/{id}/recognition", new { applicationId = $"REC-{id}" }, officer, $"rec-{id}", i + 1);
        await client.SendAsync(HttpMethod.Post, $"applicants/{id}/permits", new { permitId = $"RWP-{id}", employerReference = "certificate" }, officer, $"permit-{id}", i);
        await client.SendAsync(HttpMethod.Post, $"applicants/{id}/permits/RWP-{id}/approve", new { reason = "Art. 4 met" }, officer, $"approve-{id}", i + 1);
    }

    // Orleans' Azure Table membership: one row per silo with its status, beside the table's version row.
    private static async Task WaitForActiveSilosAsync(string connectionString, int count)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(AzureHosting.ClusteringTable);
        await EventuallyAsync(async () => await table.QueryAsync<TableEntity>().CountAsync(e => e.GetString("Status") == "Active") == count, $"{count} silos are active");
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        // Generous: under a loaded CI machine retries back off; the assertions, not this wait, decide the test.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(250);
        }
    }
}
