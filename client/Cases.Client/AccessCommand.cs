using System.CommandLine;

namespace Cases.Client;

/// <summary>`cases access applicant`: who read an applicant's personal data, when and why (auditor, admin).</summary>
public static class AccessCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var applicant = new Argument<string>("applicant") { Description = "The applicant's case id" };
        var output = OutputFormat.Create("table", "json");
        var command = new Command("access", "Show the access records of an applicant's personal data: reader, time and reason (auditor, admin).") { applicant, output };
        command.WithExamples("cases access P-110105199001011234 --token <auditor-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var answer = await silo.GetAsync($"audit/access-records/{CommandPost.Escape(parse.GetRequiredValue(applicant))}", new RequestHeaders(cli.RequireToken(parse)), ct).ConfigureAwait(false);
            ShowCommand.Write(cli, answer, parse.GetValue(output));
            return ExitCodes.Success;
        });
        return command;
    }
}
