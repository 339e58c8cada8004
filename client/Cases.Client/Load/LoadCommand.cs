using System.CommandLine;
using System.Net;
using Spectre.Console;

namespace Cases.Client.Load;

/// <summary>`cases load`: a recruitment-season surge of synthetic intakes, then the same requests against the no-op endpoint as the HTTP ceiling.</summary>
public static class LoadCommand
{
    /// <summary>The intake endpoint under load.</summary>
    public const string IntakePath = "applicants";

    /// <summary>The no-op endpoint that takes the same body and does no work.</summary>
    public const string BaselinePath = "diagnostics/noop";

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var requests = new Option<int>("--requests") { Description = "How many intakes to send (and then no-ops)", HelpName = "count", DefaultValueFactory = _ => 20_000 };
        requests.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is not (> 0 and <= 10_000_000))
                r.AddError("--requests must be between 1 and 10,000,000.");
        });
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once (and HTTP connections)", HelpName = "count", DefaultValueFactory = _ => 64 };
        concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is not (> 0 and <= 4096))
                r.AddError("--concurrency must be between 1 and 4096.");
        });
        var duration = new Option<double>("--duration")
        {
            Description = "Seconds each phase may run; no new request starts after that",
            HelpName = "seconds",
            DefaultValueFactory = _ => 600,
        };
        duration.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and <= 86_400))
                r.AddError("--duration must be more than 0 and at most 86400 seconds.");
        });
        var warmup = new Option<int>("--warmup")
        {
            Description = "Unmeasured intakes sent first, so the silo's code is compiled and tiered before measuring",
            HelpName = "count",
            DefaultValueFactory = _ => 5_000,
        };
        warmup.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is not (>= 0 and <= 1_000_000))
                r.AddError("--warmup must be between 0 and 1,000,000.");
        });
        var command = new Command("load", "Send a surge of synthetic applicants to POST /applicants, then as many to POST /diagnostics/noop; print throughput, latency percentiles and a JSON line.")
        {
            requests, concurrency, duration, warmup,
        };
        command.WithExamples("cases load --requests 2000 --concurrency 32");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var settings = new LoadSettings(
                parse.GetValue(requests), parse.GetValue(concurrency), TimeSpan.FromSeconds(parse.GetValue(duration)),
                TimeSpan.FromSeconds(parse.GetValue(cli.Connection.Timeout)), parse.GetValue(warmup));
            return await RunAsync(cli, silo.Address, settings, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, Uri address, LoadSettings settings, CancellationToken ct)
    {
        var sockets = cli.Handler is null
            ? new SocketsHttpHandler
            {
                // One connection per worker, so no request waits for a connection; no proxy, cookies or decompression in the way.
                MaxConnectionsPerServer = settings.Concurrency,
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                ConnectTimeout = settings.Timeout,
            }
            : null;
        using var http = new HttpClient(sockets ?? cli.Handler!, disposeHandler: sockets is not null) { BaseAddress = address, Timeout = settings.Timeout };
        var runId = Guid.NewGuid().ToString("N")[..10];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var phase = new LoadPhase(http, settings.Concurrency, settings.Duration);
        Func<int, Func<int, object>> Bodies(string prefix) => worker =>
        {
            var applicants = new SyntheticApplicants($"{prefix}{runId}", new Random(HashCode.Combine(runId, prefix, worker)), today);
            return i => applicants.Next(i);
        };

        var progress = cli.Console.Profile.Capabilities is { Ansi: true, Interactive: true };
        if (!progress)
            cli.Console.WriteLine($"cases load: {settings.Requests:N0} intakes to {address}{IntakePath} at concurrency {settings.Concurrency}, then as many no-ops to {address}{BaselinePath}.");

        // Warm-up: opens the connections and warms both sides' code paths; not measured, and it creates no applicants.
        await phase.RunAsync("warm-up", BaselinePath, Math.Min(settings.Requests, settings.Concurrency * 4), Bodies("w"), ct).ConfigureAwait(false);
        // A freshly started silo spends its first seconds compiling; these intakes (real applicants, unmeasured) pay for that.
        if (settings.Warmup > 0)
            await phase.RunAsync("warm-up intake", IntakePath, settings.Warmup, Bodies("wi"), ct).ConfigureAwait(false);

        async Task<(LoadResult, LoadResult)> BothAsync(ProgressContext? context)
        {
            var intake = await TrackAsync(context, "intake", settings.Requests, phase,
                phase.RunAsync("intake", IntakePath, settings.Requests, Bodies("i"), ct)).ConfigureAwait(false);
            // As many requests as the intake completed, so a duration cap does not skew the comparison.
            var count = Math.Max(intake.Completed, 1);
            var baseline = await TrackAsync(context, "noop baseline", count, phase,
                phase.RunAsync("noop baseline", BaselinePath, count, Bodies("b"), ct)).ConfigureAwait(false);
            return (intake, baseline);
        }

        var (intake, baseline) = progress
            ? await cli.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(ctx => BothAsync(ctx)).ConfigureAwait(false)
            : await BothAsync(null).ConfigureAwait(false);
        LoadReport.Render(cli.Console, intake, baseline);
        return intake.Errors == 0 && baseline.Errors == 0 ? ExitCodes.Success : ExitCodes.LoadErrors;
    }

    // Without a progress display (output redirected) the phase simply runs.
    private static async Task<LoadResult> TrackAsync(ProgressContext? context, string name, int requests, LoadPhase phase, Task<LoadResult> run)
    {
        if (context is null)
            return await run.ConfigureAwait(false);
        var task = context.AddTask(name, maxValue: requests);
        while (!run.IsCompleted)
        {
            task.Value = phase.Completed;
            await Task.WhenAny(run, Task.Delay(100)).ConfigureAwait(false);
        }
        var result = await run.ConfigureAwait(false);
        task.Value = result.Completed;
        task.StopTask();
        return result;
    }

    private sealed record LoadSettings(int Requests, int Concurrency, TimeSpan Duration, TimeSpan Timeout, int Warmup);
}
