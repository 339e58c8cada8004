using System.Diagnostics.Metrics;

namespace Cases.Runtime.Hosting;

/// <summary>The runtime's process-wide meter "Cases.Runtime": commands executed on this silo, by outcome.</summary>
public static class RuntimeMetrics
{
    /// <summary>The meter's name, for listeners and exporters.</summary>
    public const string MeterName = "Cases.Runtime";

    private static readonly Meter Meter = new(MeterName);

    // Counted where the command runs (not where it was received), so a forwarded command counts once in the cluster.
    private static readonly Counter<long> Commands = Meter.CreateCounter<long>("cases.commands", "{command}", "Commands executed by local activations, by outcome.");

    internal static void CountCommand(Grains.CommandResult result) =>
        Commands.Add(1, new KeyValuePair<string, object?>("outcome", result.IsRetry ? "retry" : result.IsAccepted ? "accepted" : "rejected"));
}
