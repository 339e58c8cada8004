using System.Text.Json;

namespace Cases.Client;

/// <summary>One health check in the silo's report, with the data it attached.</summary>
public sealed record HealthReportCheck(string Name, string Status, string? Description, IReadOnlyDictionary<string, JsonElement>? Data);
