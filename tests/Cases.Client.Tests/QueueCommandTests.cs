using System.Text.Json;
using Cases.Silo.Auth;

namespace Cases.Client.Tests;

/// <summary>`cases queue` and `cases read-models rebuild` against a real silo: the officers' queue from its read model, and a rebuild that finds it equal.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class QueueCommandTests(CasesSilo silo)
{
    [Fact]
    public async Task AnOfficerSeesAPendingPermitInTheQueueOfItsDistrictUntilItIsDecided()
    {
        var (id, district) = (TestProfiles.NewId(), $"d{Guid.NewGuid():N}"[..12]);
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1", district);
        await Poll.UntilAsync(async () => (await QueueAsync(district)).Contains(id, StringComparison.Ordinal), what: "the permit to be queued");

        var table = await silo.RunAsync("queue", "--district", district, "--reason", "morning review", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Matches($@"permit\s*│\s*{id}\s*│\s*permit-1\s*│.*│\s*{district}\s*│", table.Output);
        Assert.Contains("1 awaiting in all.", table.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("decide", id, "permit-1", "approve", "--reason", "letter verified", "--token", silo.Officer)).ExitCode);
        await Poll.UntilAsync(async () => !(await QueueAsync(district)).Contains(id, StringComparison.Ordinal), what: "the decided permit to leave the queue");
    }

    [Fact]
    public async Task AQueueReadWithoutAReasonExitsThreeAndSaysWhy()
    {
        var run = await silo.RunAsync("queue", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("[reason-required]", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task ARebuildComparedWithTheLiveReadModelsFindsThemEqual()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");
        await Poll.UntilAsync(async () => (await QueueAsync("haidian")).Contains(id, StringComparison.Ordinal), what: "the permit to be queued");

        var run = await silo.RunAsync("read-models", "rebuild", "--compare-only", "--output", "json", "--token", silo.Token(Roles.Admin, "root"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.True(report.GetProperty("liveEqualsRebuilt").GetBoolean(), run.Output);
        Assert.Contains(report.GetProperty("readModels").EnumerateArray(), m => m.GetProperty("name").GetString() == "officer-queue" && m.GetProperty("partitions").GetInt32() > 0);
    }

    private async Task<string> QueueAsync(string district) =>
        (await silo.RunAsync("queue", "--district", district, "--limit", "200", "--output", "json", "--reason", "test", "--token", silo.Officer)).Output;
}
