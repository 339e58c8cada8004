using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cases.Storage.Azure.Tests.Support;

/// <summary>A private Azurite (pinned in tests/azurite/package.json) in a temporary folder on free loopback ports; killed and deleted on dispose.</summary>
/// <remarks>Azurite is for development and tests only: it keeps its data in memory and saves it every few seconds, so a kill loses acknowledged writes.</remarks>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    // Azurite's published development account (documented by Microsoft, not a secret).
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;
    private readonly string _folder;
    private int _stopped;

    private AzuriteServer(Process process, string folder, int blobPort, int queuePort, int tablePort)
    {
        (_process, _folder, BlobPort, QueuePort, TablePort) = (process, folder, blobPort, queuePort, tablePort);
        // A test run that ends without disposing (a crash, Ctrl-C) must not leave Azurite behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopNow();
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>A connection string for the development account on this Azurite's ports.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{Account};QueueEndpoint=http://127.0.0.1:{QueuePort}/{Account};TableEndpoint=http://127.0.0.1:{TablePort}/{Account};");

    /// <summary>Starts Azurite with ports chosen by the system, bound to 127.0.0.1, and waits until it reports all three services listening.</summary>
    public static async Task<AzuriteServer> StartAsync()
    {
        var script = FindAzurite();
        var folder = Directory.CreateTempSubdirectory("cases-azurite-").FullName;
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[] { script, "--location", folder, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", "0", "--queuePort", "0", "--tablePort", "0", "--skipApiVersionCheck", "--disableProductStyleUrl" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var output = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (ports.Count < 3)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"Azurite exited before listening: {output}{await process.StandardError.ReadToEndAsync()}");
                output.AppendLine(line);
                if (Listening().Match(line) is { Success: true } m)
                    ports[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            Directory.Delete(folder, recursive: true);
            throw;
        }
        // Keep draining its output so Azurite never blocks on a full pipe.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        return new AzuriteServer(process, folder, ports["Blob"], ports["Queue"], ports["Table"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void StopNow()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        try
        {
            _process.Kill(entireProcessTree: true);
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Best effort while the process exits.
        }
    }

    // tests/azurite/node_modules (npm ci there), or a global `npm i -g azurite@3.37.0`.
    private static string FindAzurite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var local = Path.Combine(dir.FullName, "tests", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
            if (File.Exists(local))
                return local;
        }
        foreach (var root in new[] { "/usr/lib/node_modules", "/usr/local/lib/node_modules" })
        {
            var global = Path.Combine(root, "azurite", "dist", "src", "azurite.js");
            if (File.Exists(global))
                return global;
        }
        throw new InvalidOperationException(
            "Azurite was not found. Install it with `npm ci --prefix tests/azurite` (pinned to 3.37.0); .ci/run does so on a fresh machine.");
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
