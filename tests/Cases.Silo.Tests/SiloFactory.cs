using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cases.Silo.Tests;

/// <summary>The real silo (its Program) on an in-memory test server, with configuration that overrides appsettings.json.</summary>
public sealed class SiloFactory(IReadOnlyDictionary<string, string?> settings, string? contentRoot = null) : WebApplicationFactory<Program>
{
    /// <summary>A silo keeping its database in the given folder, plus any further settings.</summary>
    public static SiloFactory WithDataDirectory(string dataDirectory, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Cases:DataDirectory"] = dataDirectory };
        foreach (var (key, value) in more)
            settings[key] = value;
        return new SiloFactory(settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (contentRoot is not null)
            builder.UseContentRoot(contentRoot);
        // Added last, so these win over appsettings.json and the environment.
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        // The retry loop of an unusable store logs every few milliseconds in some tests.
        builder.ConfigureLogging(l => l.ClearProviders());
    }
}
