using Cases.Silo;
using Cases.Silo.Api;
using Cases.Silo.Observability;

var builder = WebApplication.CreateBuilder(args);
// `--store postgres --connection "Host=…"` picks the shared PostgreSQL store instead of the embedded SQLite file;
// `--store azure --connection "UseDevelopmentStorage=true"` picks Azure Storage (here a local Azurite).
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--store"] = "Cases:Store",
    ["--connection"] = ConnectionKey(args, builder.Configuration),
});
builder.AddCases();
builder.AddCasesApi();
builder.AddCasesObservability();

var app = builder.Build();
app.MapCasesApi();
app.MapCasesHealth();
app.MapCasesObservability();
await app.RunAsync();

// The store named on the command line, or else by configuration, decides which store --connection is for.
static string ConnectionKey(string[] args, IConfiguration configuration)
{
    var named = args.SkipWhile(a => a != "--store").Skip(1).FirstOrDefault() ?? configuration["Cases:Store"];
    return string.Equals(named, "azure", StringComparison.OrdinalIgnoreCase) ? "Cases:Azure:ConnectionString" : "Cases:Postgres:ConnectionString";
}

/// <summary>The silo's entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
