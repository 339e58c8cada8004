using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Cases.Client.Tests;

/// <summary>The real silo as a child process (`dotnet Cases.Silo.dll`) on a free loopback port, over a temp data folder, with a signing key the test knows.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TempFolder _folder;

    private SiloProcess(Process process, TempFolder folder, Uri address, byte[] signingKey)
    {
        _process = process;
        _folder = folder;
        Address = address;
        SigningKey = signingKey;
    }

    /// <summary>The silo's address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; }

    /// <summary>The key the silo signs and checks tokens with.</summary>
    public byte[] SigningKey { get; }

    /// <summary>What the silo wrote to stdout and stderr so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    /// <summary>Starts the silo built beside this test assembly and waits until /health says Healthy.</summary>
    public static async Task<SiloProcess> StartAsync(TimeSpan timeout)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Cases.Silo.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException("The silo is not built beside the tests; build the test project.", dll);
        var folder = new TempFolder();
        var key = RandomNumberGenerator.GetBytes(32);
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", address.ToString().TrimEnd('/') },
            // appsettings.json is copied beside the dll; the content root is the working directory.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Cases__DataDirectory"] = Path.Combine(folder.Path, "data"),
                ["Cases__Auth__SigningKey"] = Convert.ToBase64String(key),
                ["Cases__Auth__DevMode"] = "false",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var silo = new SiloProcess(process, folder, address, key);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await silo.WaitHealthyAsync(timeout);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            _process.Dispose();
            _folder.Dispose();
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The silo exited with {_process.ExitCode}:\n{Log}");
            try
            {
                var health = await http.GetStringAsync("health");
                if (health.Contains("\"status\":\"Healthy\"", StringComparison.Ordinal))
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"The silo was not healthy within {timeout}:\n{Log}");
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
