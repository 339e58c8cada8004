using System.CommandLine;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases submit profile.json`: online intake of one applicant; prints the case id and the applicant's own token.</summary>
public static class SubmitCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("profile") { Description = "The applicant profile as a JSON file (as POST /applicants takes it)" };
        var key = new Option<string?>("--idempotency-key")
        {
            Description = "Makes a retried submission return the first answer; a new key is made when omitted",
            HelpName = "key",
        };
        var command = new Command("submit", "Submit an applicant profile; prints the case id and the applicant's token.") { file, key };
        command.WithExamples("cases submit examples/profile.json", "cases submit examples/profile.json --idempotency-key intake-1 --token <officer-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            string json;
            try
            {
                json = await File.ReadAllTextAsync(path.FullName, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"cannot read {path.FullName}: {e.Message}");
            }
            var idempotencyKey = parse.GetValue(key) ?? Guid.NewGuid().ToString("N");
            // Anonymous intake is the applicant's own; a token (an officer's) makes it an assisted intake.
            var headers = new RequestHeaders(cli.TokenOf(parse), IdempotencyKey: idempotencyKey);
            var answer = await silo.PostJsonAsync("applicants", json, headers, ct).ConfigureAwait(false);
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow(new Text("case"), new Text(answer.Text("caseId") ?? ""));
            grid.AddRow(new Text("version"), new Text(answer.Text("version") ?? ""));
            grid.AddRow(new Text("token"), new Text(answer.Text("token") ?? ""));
            grid.AddRow(new Text("idempotency key"), new Text(idempotencyKey));
            cli.Console.Write(grid);
            return ExitCodes.Success;
        });
        return command;
    }
}
