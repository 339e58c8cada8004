using System.CommandLine;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases health`: shows the silo's health checks and turns the verdict into the exit code.</summary>
public static class HealthCommand
{
    /// <summary>Creates the command; it talks to the silo the connection options name.</summary>
    public static Command Create(ConnectionOptions connection, IAnsiConsole console, IAnsiConsole error, HttpMessageHandler? handler)
    {
        var command = new Command("health", "Show the silo's health checks; exit 0 when Healthy, 1 when Degraded or Unhealthy, 2 when the silo cannot be reached.");
        command.WithExamples("cases health", "cases health --url http://127.0.0.1:5081");
        command.SetAction(async (parse, ct) =>
        {
            using var silo = connection.CreateClient(parse, handler);
            try
            {
                var report = await silo.GetHealthAsync(ct).ConfigureAwait(false);
                HealthView.Render(console, silo.Address, report);
                return report.IsHealthy ? ExitCodes.Success : ExitCodes.Unhealthy;
            }
            catch (SiloUnreachableException e)
            {
                error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return ExitCodes.Unreachable;
            }
        });
        return command;
    }
}
