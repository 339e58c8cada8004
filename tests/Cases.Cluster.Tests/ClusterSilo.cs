using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cases.Cluster.Tests;

/// <summary>One real silo process of an Orleans cluster over a shared PostgreSQL or Azure Storage (journal and membership), on free loopback ports; SIGKILL-able.</summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ClusterSilo(string siloId, Process process, Uri address)
    {
        SiloId = siloId;
        _process = process;
        Address = address;
    }

    public string SiloId { get; }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    /// <summary>Starts the silo built beside this test assembly and waits until it is healthy; <paramref name="fastFailover"/> tunes Orleans' membership to declare a dead silo in about 3 s.</summary>
    public static async Task<ClusterSilo> StartAsync(string siloId, string connectionString, byte[] signingKey, bool fastFailover, string dataFolder, string store = "postgres")
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Cases.Silo.dll");
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", address.ToString().TrimEnd('/'), "--store", store, "--connection", connectionString },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Cases__DataDirectory"] = dataFolder,
                ["Cases__Auth__SigningKey"] = Convert.ToBase64String(signingKey),
                ["Cases__Auth__DevMode"] = "false",
                ["Cases__Orleans__SiloName"] = siloId,
                ["Logging__LogLevel__Default"] = "Warning",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        if (fastFailover)
        {
            // The spike's tuning: about 3 s from a silo's death to its grains serving elsewhere (11 s with Orleans' defaults).
            start.Environment["Cases__Orleans__Membership__ProbeTimeout"] = "00:00:01";
            start.Environment["Cases__Orleans__Membership__NumMissedProbesLimit"] = "2";
            start.Environment["Cases__Orleans__Membership__NumVotesForDeathDeclaration"] = "1";
            start.Environment["Cases__Orleans__Membership__TableRefreshTimeout"] = "00:00:01";
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var silo = new ClusterSilo(siloId, process, address);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await silo.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return silo;
    }

    /// <summary>SIGKILL: no shutdown, no leaving the membership, nothing flushed by the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as Kubernetes sends on pod deletion: the silo drains, leaves the cluster and exits by itself.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Silo {SiloId} exited with {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetStringAsync("health")).Contains("\"status\":\"Healthy\"", StringComparison.Ordinal))
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Silo {SiloId} was not healthy within {timeout}:\n{Log}");
            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
