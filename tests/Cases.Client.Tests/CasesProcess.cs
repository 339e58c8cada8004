using System.Diagnostics;

namespace Cases.Client.Tests;

/// <summary>Runs the real `cases` binary (`dotnet cases.dll`) as a child process against a silo, as a user's shell would.</summary>
public sealed record CasesProcess(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the arguments with CASES_URL set to the silo and no token from the machine's environment.</summary>
    public static async Task<CasesProcess> RunAsync(Uri silo, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CASES_URL"] = silo.ToString() },
        };
        start.Environment.Remove("CASES_TOKEN");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cases.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cases {string.Join(' ', args)} did not finish within 60 s");
        }
        return new CasesProcess(process.ExitCode, await output, await error);
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
