using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cases.Silo.Tests;

/// <summary>The silo's wiring built without WebApplicationFactory, for tests that must see start and stop complete exactly.</summary>
public static class DirectSilo
{
    /// <summary>A silo app on a free loopback port with the given content root and settings; not started.</summary>
    public static WebApplication Build(string contentRoot, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.AddCases().Build();
        app.MapCasesHealth();
        return app;
    }
}
