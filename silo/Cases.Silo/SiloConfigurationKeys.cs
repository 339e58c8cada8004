using Cases.Domain.Rules;
using Cases.Grains.Journaling;
using Cases.Grains.Streams;
using Cases.Silo.Clustering;
using Orleans.Configuration;

namespace Cases.Silo;

/// <summary>Every "Cases:…" configuration key the silo reads: its option classes' properties plus the keys read by name.</summary>
public static class SiloConfigurationKeys
{
    /// <summary>How long SIGTERM may take: draining requests, handing grains and stream queues over and leaving the cluster (default 25 s).</summary>
    public const string ShutdownTimeout = "Cases:ShutdownTimeout";

    private static readonly string[] ReadByName =
    [
        "Cases:Store",
        "Cases:Postgres:ConnectionString",
        "Cases:Postgres:Schema",
        "Cases:Azure:ConnectionString",
        "Cases:Azure:Table",
        "Cases:DataProtection:MasterKey",
        $"{Api.CallerRateLimits.Section}:TokenLimit",
        $"{Api.CallerRateLimits.Section}:TokensPerPeriod",
        $"{Api.CallerRateLimits.Section}:ReplenishmentPeriod",
        "Cases:Intake:ConcurrencyLimit",
        "Cases:Intake:QueueLimit",
        Api.DiagnosticsApi.EnabledKey,
        Api.OpenApiDocumentation.ReferenceKey,
        ShutdownTimeout,
        Observability.TelemetryHosting.OtlpEndpointKey,
    ];

    /// <summary>The keys, with ':' as separator; environment variables spell them with "__".</summary>
    public static IReadOnlySet<string> All { get; } = ReadByName
        .Concat(Properties<SiloOptions>(SiloOptions.Section))
        .Concat(Properties<Auth.AuthSettings>(Auth.AuthSettings.Section))
        .Concat(Properties<JournalOptions>(OrleansHosting.GrainsSection))
        .Concat(Properties<DecisionStreamOptions>(OrleansHosting.StreamsSection))
        .Concat(Properties<OrleansSettings>(OrleansSettings.Section))
        .Concat(Properties<ClusterMembershipOptions>(OrleansSettings.MembershipSection))
        .Concat(Properties<RuleSet>($"{SiloOptions.Section}:Rules"))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a key (':' or "__" separated) is one the silo reads; keys below a bound object (e.g. Rules' nested values) count.</summary>
    public static bool IsKnown(string key)
    {
        var normalized = key.Replace("__", ":", StringComparison.Ordinal);
        return All.Contains(normalized) || All.Any(k => normalized.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> Properties<T>(string section) =>
        typeof(T).GetProperties().Where(p => p.CanWrite).Select(p => $"{section}:{p.Name}");
}
