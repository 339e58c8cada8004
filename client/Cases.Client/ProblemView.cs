using Spectre.Console;

namespace Cases.Client;

/// <summary>Prints a silo's ProblemDetails: status and title, the detail, the code, and each field error on its own line.</summary>
public static class ProblemView
{
    /// <summary>Writes the problem to the console.</summary>
    public static void Render(IAnsiConsole console, SiloProblemException problem)
    {
        var code = problem.Code is null ? "" : $" [{problem.Code}]";
        console.MarkupLineInterpolated($"[red]error:[/] {problem.Status} {problem.Title ?? "error"}{code}");
        if (!string.IsNullOrWhiteSpace(problem.Detail))
            console.WriteLine($"  {problem.Detail}");
        foreach (var (field, messages) in problem.Errors)
        {
            foreach (var message in messages)
                console.WriteLine($"  {field}: {message}");
        }
        if (problem.Extension("caseId") is { } caseId)
            console.WriteLine($"  existing case: {caseId}");
        if (problem.Status == 401)
            console.WriteLine("  the silo did not accept the token: check --token or CASES_TOKEN.");
    }
}
