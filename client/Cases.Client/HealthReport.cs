namespace Cases.Client;

/// <summary>The silo's answer on /health: the overall status and each check.</summary>
public sealed record HealthReport(string Status, IReadOnlyList<HealthReportCheck> Checks, double DurationMs)
{
    /// <summary>Whether the silo reports itself fully healthy.</summary>
    public bool IsHealthy => Status == "Healthy";
}
