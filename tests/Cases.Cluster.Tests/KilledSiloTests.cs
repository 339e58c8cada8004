using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Cases.Storage.Postgres.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Cases.Cluster.Tests;

public sealed class KilledSiloTests(ITestOutputHelper output) : IDisposable
{
    private const int Applicants = 36;
    private const int Enterprises = 8;
    private const int GrantsInBudget = 5;
    // With the fast membership tuning Orleans declares a silo dead about 3 s after it stops answering probes.
    private static readonly TimeSpan DeadAfter = TimeSpan.FromSeconds(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-cluster-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ThreeSilosLoseNothingAndDoubleNothingWhenOneIsKilledMidLoad()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var key = RandomNumberGenerator.GetBytes(32);
        var silos = new List<ClusterSilo>();
        try
        {
            for (var i = 1; i <= 3; i++)
                silos.Add(await ClusterSilo.StartAsync($"silo-{i}", postgres.ConnectionString, key, fastFailover: true, Path.Combine(_folder, $"silo-{i}")));
            await WaitForActiveSilosAsync(postgres.ConnectionString, 3);
            using var client = new ClusterClient(silos, key);
            var officer = client.Token("officer", "wang");
            var year = DateTime.UtcNow.Year;
            await client.SendAsync(HttpMethod.Post, "housing-offices/haidian/units", new { unitIds = Enumerable.Range(0, Applicants).Select(u => $"HD-{u}").ToArray() }, officer, "units", 0);
            await client.SendAsync(HttpMethod.Post, "subsidy-programs", new { year, budgetCny = GrantsInBudget * 100_000L }, officer, "programme", 1);

            Stopwatch? sinceKill = null;
            for (var i = 0; i < Applicants; i++)
            {
                if (i == Applicants / 2)
                {
                    silos[1].Kill();
                    client.MarkDead(silos[1]);
                    sinceKill = Stopwatch.StartNew();
                }
                await SubmitAndApproveAsync(client, officer, i);
            }
            var failover = await TimeUntilSurvivorsServeEveryCaseAsync(client, officer, sinceKill!);
            output.WriteLine($"Survivors served every case of the killed silo {failover.TotalSeconds:F1} s after SIGKILL (probe timeout 1 s, 2 missed probes, 1 vote).");
            for (var e = 0; e < Enterprises; e++)
                await RegisterAndReviewAsync(client, officer, e);

            await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
            await EventuallyAsync(async () => await CountAsync(db, "HousingCaseOpened") == Applicants && await CountAsync(db, "TransitionalHousingAllocated") == Applicants
                && await CountAsync(db, "GrantAwarded") + await CountAsync(db, "GrantRefused") == Enterprises, "every effect has been delivered");
            await Task.Delay(TimeSpan.FromSeconds(1)); // any late duplicate delivery would land here

            foreach (var acknowledged in client.Acknowledged)
                Assert.Equal(1L, await ScalarAsync(db, "SELECT count(*) FROM cases.commands WHERE command_id = @id", acknowledged));
            Assert.Equal(Applicants, await CountAsync(db, "PermitApproved"));
            Assert.Equal(Applicants, await CountAsync(db, "HousingCaseOpened"));
            Assert.Equal(Applicants, await CountAsync(db, "RentalSubsidyEligibilityOpened"));
            Assert.Equal(Applicants, await ScalarAsync(db,
                "SELECT count(DISTINCT h.causation_id) FROM cases.events h JOIN cases.events a ON h.causation_id = a.event_id::text WHERE h.event_type = 'HousingCaseOpened' AND a.event_type = 'PermitApproved'"));
            Assert.Equal(GrantsInBudget, await CountAsync(db, "GrantAwarded"));
            Assert.Equal(0L, await ScalarAsync(db, "SELECT count(*) FROM cases.events WHERE event_type IN ('GrantAwarded', 'GrantRefused') AND (payload::jsonb ->> 'remainingBudgetCny')::bigint < 0"));
            Assert.True(failover < DeadAfter + TimeSpan.FromSeconds(10), $"Failover took {failover}.");
        }
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
        }
    }

    private static async Task SubmitAndApproveAsync(ClusterClient client, string officer, int i)
    {
        var id = $"P-{i:D3}";
        await client.SendAsync(HttpMethod.Post, "applicants", Profile(id), null, $"intake-{id}", i);
        await client.SendAsync(HttpMethod.Post, $"applicants/{id}/recognition", new { applicationId = $"REC-{id}" }, officer, $"rec-{id}", i + 1);
        await client.SendAsync(HttpMethod.Post, $"applicants/{id}/permits", new { permitId = $"RWP-{id}", employerReference = "certificate" }, officer, $"permit-{id}", i + 2);
        await client.SendAsync(HttpMethod.Post, $"applicants/{id}/permits/RWP-{id}/approve", new { reason = "Art. 4 met" }, officer, $"approve-{id}", i);
    }

    private static async Task RegisterAndReviewAsync(ClusterClient client, string officer, int e)
    {
        var founder = $"P-{e:D3}";
        await client.SendAsync(HttpMethod.Post, "enterprises", new
        {
            id = $"E-{e:D3}", name = $"Enterprise {e}", founderApplicantKeys = new[] { founder }, registeredWithPassport = true,
            registeredCapitalCny = 1_000_000, industry = "artificial-intelligence", district = "haidian",
        }, officer, $"register-E-{e}", e);
        await client.SendAsync(HttpMethod.Post, $"enterprises/E-{e:D3}/review", new { passed = true, reason = "Art. 6 review passed" }, officer, $"review-E-{e}", e + 1);
    }

    // Reads every case through the first survivor until all answer: the dead silo's cases answer only once the view has dropped it.
    private static async Task<TimeSpan> TimeUntilSurvivorsServeEveryCaseAsync(ClusterClient client, string officer, Stopwatch sinceKill)
    {
        for (var i = 0; i < Applicants; i++)
            await client.SendAsync(HttpMethod.Get, $"applicants/P-{i:D3}", null, officer, $"read-{i}-{Guid.NewGuid():N}", 0);
        return sinceKill.Elapsed;
    }

    internal static object Profile(string id)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new
        {
            identityDocument = id, name = "Li Wei", nationality = "CN", passport = "Chinese", passportExpiry = today.AddYears(5),
            degrees = new[] { new { level = "Master", country = "GB", field = "computer science", universityRank = 150, obtainedOn = today.AddMonths(-13), obtainedAbroad = true } },
            studyAbroad = new[] { new { from = today.AddYears(-3), to = today.AddMonths(-13) } },
            returnedOn = today.AddYears(-1),
            employer = new { name = "Acme", district = "haidian", fullTime = true, industry = "finance" },
            homeDistrict = "haidian",
        };
    }

    /// <summary>Waits until Orleans' membership table lists this many silos as Active.</summary>
    internal static async Task WaitForActiveSilosAsync(string connectionString, int count)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await EventuallyAsync(async () => await ScalarAsync(db, "SELECT count(*) FROM cases.orleans_membership WHERE status = 'Active'") == count, $"{count} silos are active");
    }

    private static Task<long> CountAsync(NpgsqlDataSource db, string eventType) =>
        ScalarAsync(db, "SELECT count(*) FROM cases.events WHERE event_type = @id", eventType);

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, string? id = null)
    {
        await using var command = db.CreateCommand(sql);
        if (id is not null)
            command.Parameters.AddWithValue("id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
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
