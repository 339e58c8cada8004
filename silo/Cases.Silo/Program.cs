using Cases.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddCases();

var app = builder.Build();
app.MapCasesHealth();
await app.RunAsync();

/// <summary>The silo's entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
