using System.Net;
using System.Net.Sockets;

namespace Cases.Client.Tests;

/// <summary>`cases health` when no usable silo answers: exit code 2 and one line saying why.</summary>
public sealed class HealthWithoutASiloTests
{
    [Fact]
    public async Task HealthExitsTwoWhenNothingListensAtTheAddress()
    {
        var address = $"http://127.0.0.1:{UnusedPort()}/";

        var run = await CliRun.RunAsync(["health", "--url", address]);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.StartsWith($"error: cannot reach the silo at {address}: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task HealthExitsTwoWhenTheSiloDoesNotAnswerInTime()
    {
        // Connections are queued by the kernel but never answered.
        using var mute = new TcpListener(IPAddress.Loopback, 0);
        mute.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)mute.LocalEndpoint).Port}/";

        var run = await CliRun.RunAsync(["health", "--url", address, "--timeout", "0.3"]);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Equal($"error: cannot reach the silo at {address}: no answer within 0.3 s", run.Error.TrimEnd());
    }

    [Fact]
    public async Task HealthExitsTwoWhenTheAddressIsNotACasesSilo()
    {
        using var handler = new StubHandler(HttpStatusCode.NotFound, "<html>nothing here</html>", "text/html");

        var run = await CliRun.RunAsync(["health", "--url", "http://example.test/"], handler);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("answered 404 Not Found, which is not a Cases health report", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthExitsTwoWhenTheAnswerIsJsonButNotAHealthReport()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, """{"hello":"world"}""");

        var run = await CliRun.RunAsync(["health", "--url", "http://example.test/"], handler);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("which is not a Cases health report", run.Error, StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
