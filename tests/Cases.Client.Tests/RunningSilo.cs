using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cases.Client.Tests;

/// <summary>The real silo on Kestrel at 127.0.0.1 on a free port, so the client talks to it over a socket.</summary>
public sealed class RunningSilo : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;
    private readonly (string Key, string? Value)[] _settings;

    private RunningSilo(string dataDirectory, (string Key, string? Value)[] settings)
    {
        _dataDirectory = dataDirectory;
        _settings = settings;
    }

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts a silo that keeps its database in the given folder, with any further configuration settings.</summary>
    public static RunningSilo Start(string dataDirectory, params (string Key, string? Value)[] settings)
    {
        var silo = new RunningSilo(dataDirectory, settings);
        silo.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        silo.StartServer();
        var addresses = silo.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        silo.Address = new Uri(addresses.Addresses.Single());
        return silo;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var configuration = new Dictionary<string, string?> { ["Cases:DataDirectory"] = _dataDirectory };
        foreach (var (key, value) in _settings)
            configuration[key] = value;
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(configuration));
        builder.ConfigureLogging(l => l.ClearProviders());
    }
}
