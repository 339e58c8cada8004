using Cases.Silo;
using Cases.Silo.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddCases();
builder.AddCasesApi();

var app = builder.Build();
app.MapCasesApi();
app.MapCasesHealth();
await app.RunAsync();

/// <summary>The silo's entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
