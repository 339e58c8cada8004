using System.CommandLine;
using System.Text.Json;

namespace Cases.Client;

/// <summary>`cases decide applicant permit approve|reject|revoke --reason`: an officer's permit decision; prints the events it recorded.</summary>
public static class DecideCommand
{
    /// <summary>The decisions an officer can take on a permit.</summary>
    public static readonly string[] Decisions = ["approve", "reject", "revoke"];

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var applicant = new Argument<string>("applicant") { Description = "The applicant's case id (identity document)" };
        var permit = new Argument<string>("permit") { Description = "The permit application's id" };
        var decision = new Argument<string>("decision") { Description = "approve, reject or revoke" };
        decision.AcceptOnlyFromAmong(Decisions);
        var reason = new Option<string>("--reason") { Description = "Why; recorded with the decision", Required = true, HelpName = "text" };
        var key = new Option<string?>("--idempotency-key") { Description = "Makes a retried decision return the first answer", HelpName = "key" };
        var command = new Command("decide", "Approve, reject or revoke an applicant's permit (officer).") { applicant, permit, decision, reason, key };
        command.WithExamples("cases decide <applicant> <permit> approve --reason \"Art. 4 met\" --token <officer-token>", "cases decide P-110105199001011234 RWP-1 reject --reason \"employer letter missing\" --token <officer-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var headers = new RequestHeaders(cli.RequireToken(parse), IdempotencyKey: parse.GetValue(key) ?? Guid.NewGuid().ToString("N"));
            var path = $"applicants/{Uri.EscapeDataString(parse.GetRequiredValue(applicant))}/permits/{Uri.EscapeDataString(parse.GetRequiredValue(permit))}/{parse.GetRequiredValue(decision)}";
            var body = JsonSerializer.Serialize(new { reason = parse.GetRequiredValue(reason) });
            var answer = await silo.PostJsonAsync(path, body, headers, ct).ConfigureAwait(false);
            CommandAnswerView.Render(cli.Console, answer);
            return ExitCodes.Success;
        });
        return command;
    }
}
