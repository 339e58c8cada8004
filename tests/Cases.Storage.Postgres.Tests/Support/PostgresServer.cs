using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Cases.Storage.Postgres.Tests.Support;

/// <summary>A private PostgreSQL server in a temporary folder on a free loopback port, for tests and benchmarks; stopped and deleted on dispose.</summary>
/// <remarks>Uses the binaries of Debian's <c>postgresql</c> package. The server refuses to run as root, so as root it runs as the <c>postgres</c> user.</remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly string _bin;
    private readonly string _folder;
    private int _stopped;

    private PostgresServer(string bin, string folder, int port)
    {
        (_bin, _folder, Port) = (bin, folder, port);
        // A test run that ends without disposing (a crash, Ctrl-C) must not leave a server behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopNow();
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string for the superuser to the <c>postgres</c> database (trust authentication, no password).</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    private string DataDirectory => Path.Combine(_folder, "data");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates an empty database and answers a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    /// <summary>Runs a query on the <c>postgres</c> database and answers its first column, as text.</summary>
    public async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>Creates a cluster with trust authentication on 127.0.0.1 and starts it; fails naming the package to install if the binaries are missing.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var folder = Directory.CreateTempSubdirectory("cases-pg-").FullName;
        try
        {
            if (Environment.IsPrivilegedProcess)
                await RunAsync("chown", ["-R", $"{Superuser}:", folder]);
            var server = new PostgresServer(bin, folder, FreePort());
            await server.RunAsPostgresAsync("initdb", "-D", server.DataDirectory, "-U", Superuser, "--auth-local=trust", "--auth-host=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync");
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Starts the server again after <see cref="StopServerAsync"/>, on the same port.</summary>
    public async Task StartServerAsync()
    {
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300");
        await RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_folder, "server.log"), "-o", options, "-w", "start");
    }

    /// <summary>Stops the server (fast shutdown: open sessions are cut); the data stays for <see cref="StartServerAsync"/>.</summary>
    public Task StopServerAsync() => RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void StopNow()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        try
        {
            RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop").Wait(TimeSpan.FromSeconds(10));
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is AggregateException or IOException or UnauthorizedAccessException)
        {
            // Best effort while the process exits.
        }
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(version => Path.Combine(version, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
            "Install the Debian package `postgresql` (apt-get install -y postgresql); .ci/run does so on a fresh machine.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsPostgresAsync(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.IsPrivilegedProcess ? RunAsync("runuser", ["-u", Superuser, "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await error}{await output}");
    }
}
