using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Cases.Client.Tests;

/// <summary>`cases load` against a real silo: every intake lands, and the last line is the benchmark's JSON record.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class LoadCommandTests(CasesSilo silo)
{
    [Fact]
    public async Task TwoHundredIntakesSucceedAndTheLastLineIsTheJsonRecord()
    {
        var run = await silo.RunAsync("load", "--requests", "200", "--concurrency", "8", "--warmup", "20");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        var record = JsonDocument.Parse(run.Output.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal("http-intake", record.GetProperty("bench").GetString());
        Assert.Equal(200, record.GetProperty("requests").GetInt32());
        Assert.True(record.GetProperty("requests_per_s").GetDouble() > 0);
        Assert.True(record.GetProperty("baseline_requests_per_s").GetDouble() > 0);
        Assert.True(record.GetProperty("p99_ms").GetDouble() >= record.GetProperty("p50_ms").GetDouble());
        // The printed figures are rounded separately, so their quotient matches the ratio only to within rounding.
        Assert.Equal(
            record.GetProperty("requests_per_s").GetDouble() / record.GetProperty("baseline_requests_per_s").GetDouble(),
            record.GetProperty("ratio").GetDouble(),
            0.01);
        Assert.Matches(@"requests\s*│\s*200\s*│\s*200\s*│", run.Output);
        Assert.Matches(@"ok\s*│\s*200\s*│\s*200\s*│", run.Output);
        Assert.Matches(@"errors\s*│\s*0\s*│\s*0\s*│", run.Output);
        Assert.DoesNotContain("errors by status", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNoSiloEveryRequestIsAnErrorCountedAsNoAnswerAndTheExitCodeSaysSo()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await CliRun.RunAsync(["load", "--requests", "10", "--concurrency", "2", "--warmup", "0", "--url", $"http://127.0.0.1:{port}/"]);

        Assert.Equal(ExitCodes.LoadErrors, run.ExitCode);
        Assert.Matches(@"intake\s*│\s*no answer\s*│\s*10", run.Output);
        Assert.Equal(0, JsonDocument.Parse(run.Output.TrimEnd().Split('\n')[^1]).RootElement.GetProperty("requests_per_s").GetDouble());
    }

    [Fact]
    public async Task ZeroRequestsIsAUsageError()
    {
        var run = await CliRun.RunAsync(["load", "--requests", "0"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--requests must be between 1 and 10,000,000.", run.Error, StringComparison.Ordinal);
    }
}
