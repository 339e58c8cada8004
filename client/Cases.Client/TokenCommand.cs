using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases token issue|revoke`: an admin issues a token (POST /auth/tokens; printed on standard output) or revokes one by its id.</summary>
public static class TokenCommand
{
    /// <summary>The roles the silo issues tokens for.</summary>
    public static readonly string[] Roles = ["applicant", "officer", "auditor", "operator", "admin"];

    /// <summary>Creates the `token` command with its subcommands.</summary>
    public static Command Create(CliContext cli) => new Command("token", "Tokens: an admin issues and revokes them.") { Issue(cli), Revoke(cli), RevokeSubject(cli) }
        .WithExamples("cases token issue --role officer --subject wang --token <admin-token>");

    private static Command Revoke(CliContext cli)
    {
        var tokenId = new Argument<string>("token-id") { Description = "The token's id, as `cases token issue` prints it (tokenId)" };
        var reason = new Option<string>("--reason") { Description = "Why; recorded with the revocation", Required = true, HelpName = "text" };
        var command = new Command("revoke", "Revoke one token at once on every silo (admin).") { tokenId, reason };
        command.WithExamples("cases token revoke <token-id> --reason \"laptop lost\" --token <admin-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ("auth/revocations/tokens", new { tokenId = parse.GetRequiredValue(tokenId), reason = parse.GetRequiredValue(reason) }));
        return command;
    }

    private static Command RevokeSubject(CliContext cli)
    {
        var role = new Option<string>("--role") { Description = "The subject's role: applicant, officer, auditor, operator or admin", Required = true, HelpName = "role" };
        var subject = new Option<string>("--subject") { Description = "The subject whose every token issued so far stops working", Required = true, HelpName = "subject" };
        var reason = new Option<string>("--reason") { Description = "Why; recorded with the revocation", Required = true, HelpName = "text" };
        var command = new Command("revoke-subject", "Revoke every token issued so far to one subject of a role, on every silo (admin).") { role, subject, reason };
        command.WithExamples("cases token revoke-subject --role officer --subject wang --reason \"left the office\" --token <admin-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ("auth/revocations/subjects", new { role = parse.GetRequiredValue(role), subject = parse.GetRequiredValue(subject), reason = parse.GetRequiredValue(reason) }));
        return command;
    }

    private static Command Issue(CliContext cli)
    {
        var role = new Option<string>("--role") { Description = "applicant, officer, auditor, operator or admin", Required = true, HelpName = "role" };
        role.AcceptOnlyFromAmong(Roles);
        var subject = new Option<string>("--subject")
        {
            Description = "Who the token is for: a staff member's id, the applicant's case id, or the operator's park",
            Required = true,
            HelpName = "subject",
        };
        var hours = new Option<int>("--hours") { Description = "Hours of validity (staff at most 12)", HelpName = "hours", DefaultValueFactory = _ => 8 };
        var output = OutputFormat.Create("table", "json", "token");
        var command = new Command("issue", "Issue a token for a role and subject (admin); --output token prints the token alone, for $(...).") { role, subject, hours, output };
        command.WithExamples(
            "cases token issue --role officer --subject wang --token <admin-token>",
            "cases token issue --role operator --subject zgc-01 --hours 4 --output json --token <admin-token>",
            "export CASES_TOKEN=$(cases token issue --role auditor --subject sun --output token --token <admin-token>)");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var body = JsonSerializer.Serialize(new { role = parse.GetRequiredValue(role), subject = parse.GetRequiredValue(subject), validForHours = parse.GetValue(hours) });
            var answer = await silo.PostJsonAsync("auth/tokens", body, new RequestHeaders(cli.RequireToken(parse)), ct).ConfigureAwait(false);
            switch (parse.GetValue(output))
            {
                case "json":
                    cli.Console.Profile.Out.Writer.WriteLine(answer.OneLine());
                    break;
                case "token":
                    cli.Console.Profile.Out.Writer.WriteLine(answer.Text("token"));
                    break;
                default:
                    var grid = new Grid().AddColumn().AddColumn();
                    foreach (var name in new[] { "token", "tokenId", "expiresAt", "role", "subject" })
                        grid.AddRow(new Text(name), new Text(answer.Text(name) ?? ""));
                    cli.Console.Write(grid);
                    break;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
