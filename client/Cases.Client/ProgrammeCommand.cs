using System.CommandLine;
using System.Globalization;

namespace Cases.Client;

/// <summary>`cases programme open|pay|show`: the year's start-up support programme (Art. 6), its budget and its grant payments.</summary>
public static class ProgrammeCommand
{
    /// <summary>Creates the `programme` command with its subcommands.</summary>
    public static Command Create(CliContext cli) => new Command("programme", "The year's start-up support programme (startup-<year>): open it, pay grants, show it.")
    {
        Open(cli), Pay(cli), Show(cli),
    }.WithExamples("cases programme open <year> --budget 5000000 --token <officer-token>");

    private static Command Open(CliContext cli)
    {
        var year = Year();
        var budget = new Option<long>("--budget") { Description = "The year's budget in CNY", Required = true, HelpName = "cny" };
        var command = new Command("open", "Open the year's programme with its budget (officer); reviewed enterprises waiting for it are then awarded.") { year, budget };
        command.WithExamples("cases programme open 2026 --budget 5000000 --token <officer-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse => ("subsidy-programs", new { year = parse.GetValue(year), budgetCny = parse.GetValue(budget) }));
        return command;
    }

    private static Command Pay(CliContext cli)
    {
        var enterprise = new Argument<string>("enterprise") { Description = "The enterprise whose awarded start-up grant is paid (whole)" };
        var year = new Option<int>("--year") { Description = "The programme's year", Required = true, HelpName = "year" };
        var command = new Command("pay", "Pay an enterprise's awarded start-up grant (officer). Loan subsidies are paid with `cases loan pay`.") { enterprise, year };
        command.WithExamples("cases programme pay E-aurora --year 2026 --token <officer-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"{Key(parse.GetValue(year))}/payments", new { enterpriseKey = parse.GetRequiredValue(enterprise) }));
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var year = Year();
        var output = OutputFormat.Create("table", "json");
        var command = new Command("show", "Show the programme: budget, committed, paid, grants (officer, auditor, admin).") { year, output };
        command.WithExamples("cases programme show 2026 --token <auditor-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var answer = await silo.GetAsync(Key(parse.GetValue(year)), new RequestHeaders(cli.RequireToken(parse)), ct).ConfigureAwait(false);
            ShowCommand.Write(cli, answer, parse.GetValue(output));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<int> Year() => new("year") { Description = "The programme's year, e.g. 2026" };

    private static string Key(int year) => $"subsidy-programs/startup-{year.ToString(CultureInfo.InvariantCulture)}";
}
