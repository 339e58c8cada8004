using System.Text.Json;
using Cases.Benchmarks;
using Cases.Storage.Sqlite;

// Usage: dotnet run -c Release --project tests/Cases.Benchmarks -- runtime|hot-grain|replay|propagation|cluster [--commands N] [--callers N] [--grains N] [--synchronous full|normal] [--store sqlite|postgres|azure] [--events N] [--approvals N] [--officers N]
var mode = args.FirstOrDefault() ?? "";
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

// FULL is the store's default and the figure of record; NORMAL shows the CPU-bound cost without a sync per commit.
SqliteSynchronous Synchronous()
{
    var at = Array.IndexOf(args, "--synchronous");
    return at >= 0 && at + 1 < args.Length ? Enum.Parse<SqliteSynchronous>(args[at + 1], ignoreCase: true) : SqliteSynchronous.Full;
}

// `--store postgres` starts a private PostgreSQL server (Debian's postgresql package) for the run.
// `--store azure` starts a private Azurite (tests/azurite) for the run: the journal on Azure Tables, against raw Azurite writes.
var store = Array.IndexOf(args, "--store") is var s and >= 0 && s + 1 < args.Length ? args[s + 1] : "sqlite";
var postgres = store == "postgres";

Dictionary<string, object> figures = mode switch
{
    "runtime" when store == "azure" => await RuntimeBenchmark.RunAzureAsync(Option("--commands", 20_000), Option("--callers", 64), Option("--grains", 10_000)),
    "runtime" when postgres => await RuntimeBenchmark.RunPostgresAsync(Option("--commands", 200_000), Option("--callers", 64), Option("--grains", 10_000)),
    "runtime" => await RuntimeBenchmark.RunAsync(Option("--commands", 200_000), Option("--callers", 64), Option("--grains", 10_000), Synchronous()),
    "hot-grain" => await HotGrainBenchmark.RunAsync(Option("--commands", 20_000), Option("--callers", 64), Option("--grains", 10_000)),
    "replay" => await ReplayBenchmark.RunAsync(Option("--events", 100_000)),
    "propagation" => await PropagationBenchmark.RunAsync(Option("--approvals", 10_000), Option("--officers", 16)),
    "cluster" => await ClusterBenchmark.RunAsync(Option("--requests", 6_000), Option("--concurrency", 64)),
    _ => throw new ArgumentException("Name a benchmark: runtime, hot-grain, replay, propagation or cluster."),
};
Console.WriteLine(JsonSerializer.Serialize(figures));
