using System.Text.Json;
using Cases.Benchmarks;
using Cases.Benchmarks.Reads;
using Cases.Storage.Sqlite;

// Usage: dotnet run -c Release --project tests/Cases.Benchmarks -- runtime|hot-grain|replay|propagation|cluster|seed|reads|staleness [--commands N] [--callers N] [--grains N] [--synchronous full|normal] [--store sqlite|postgres|azure] [--events N] [--approvals N] [--officers N]
//        seed --events N --data FOLDER [--callers N] [--minutes N (30)]: fills FOLDER/cases.db through a silo (resumable: re-run it to continue)
//        reads [--data FOLDER] [--events N] [--small-events N] [--requests N]: reads on FOLDER's store (seeded first if empty) beside a fresh small store
//        staleness [--probes N] [--approvals N] [--officers N]: approval commit → gone from the officers' queue, under the propagation benchmark's load
var mode = args.FirstOrDefault() ?? "";
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

string? Text(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

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
    "seed" => await StoreSeeder.SeedAsync(Text("--data") ?? throw new ArgumentException("seed needs --data <folder>."), Option("--events", 1_000_000), Option("--callers", 64),
        Text("--minutes") is { } minutes ? TimeSpan.FromMinutes(double.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture)) : null),
    "reads" => await ReadsBenchmark.RunAsync(Text("--data"), Option("--events", 1_000_000), Option("--small-events", 10_000), Option("--requests", 1_000), Option("--callers", 64)),
    "staleness" => await StalenessBenchmark.RunAsync(Option("--probes", 300), Option("--approvals", 10_000), Option("--officers", 16)),
    _ => throw new ArgumentException("Name a benchmark: runtime, hot-grain, replay, propagation, cluster, seed, reads or staleness."),
};
Console.WriteLine(JsonSerializer.Serialize(figures));
