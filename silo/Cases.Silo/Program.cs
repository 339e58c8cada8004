using Cases.Silo;
using Cases.Silo.Api;
using Cases.Silo.Observability;

var builder = WebApplication.CreateBuilder(args);
// `--store postgres --connection "Host=…"` picks the shared PostgreSQL store instead of the embedded SQLite file.
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--store"] = "Cases:Store",
    ["--connection"] = "Cases:Postgres:ConnectionString",
});
builder.AddCases();
builder.AddCasesApi();
builder.AddCasesObservability();

var app = builder.Build();
app.MapCasesApi();
app.MapCasesHealth();
app.MapCasesObservability();
await app.RunAsync();

/// <summary>The silo's entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
