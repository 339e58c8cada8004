using System.CommandLine;

namespace Cases.Client;

/// <summary>`cases housing add-units|office|long-term`: a district office's transitional units and an applicant's choice for after the term (item 10).</summary>
public static class HousingCommand
{
    /// <summary>Creates the `housing` command with its subcommands.</summary>
    public static Command Create(CliContext cli) => new Command("housing", "Housing: a district office's units, and the applicant's long-term choice. Show a case with `cases show housing/<applicant>`.")
    {
        AddUnits(cli), Office(cli), EndTerms(cli), LongTerm(cli),
    }.WithExamples("cases housing add-units haidian hd-101 hd-102 --token <officer-token>");

    private static Command AddUnits(CliContext cli)
    {
        var district = District();
        var units = new Argument<string[]>("unit") { Description = "The units' ids", Arity = ArgumentArity.OneOrMore };
        var command = new Command("add-units", "Add transitional units to a district's housing office (officer, admin); approved permits in the district are allocated from them.") { district, units };
        command.WithExamples("cases housing add-units haidian hd-101 hd-102 --token <officer-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"housing-offices/{CommandPost.Escape(parse.GetRequiredValue(district))}/units", new { unitIds = parse.GetRequiredValue(units) }));
        return command;
    }

    private static Command EndTerms(CliContext cli)
    {
        var district = District();
        var command = new Command("end-terms", "End every transitional term that is over today in the district and hand the freed units to its waitlist (officer, item 10).") { district };
        command.WithExamples("cases housing end-terms haidian --token <officer-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"housing-offices/{CommandPost.Escape(parse.GetRequiredValue(district))}/expired-terms", null));
        return command;
    }

    private static Command Office(CliContext cli)
    {
        var district = District();
        var output = OutputFormat.Create("table", "json");
        var command = new Command("office", "Show a district office's units (free or held, until when) and its waitlist (officer, auditor, admin).") { district, output };
        command.WithExamples("cases housing office haidian --token <officer-token>", "cases housing office haidian --output json --token <auditor-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var answer = await silo.GetAsync($"housing-offices/{CommandPost.Escape(parse.GetRequiredValue(district))}", new RequestHeaders(cli.RequireToken(parse)), ct).ConfigureAwait(false);
            ShowCommand.Write(cli, answer, parse.GetValue(output));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command LongTerm(CliContext cli)
    {
        var applicant = new Argument<string>("applicant") { Description = "The applicant's case id" };
        var kind = new Argument<string>("kind") { Description = "RentalSubsidy or TalentApartment" };
        kind.AcceptOnlyFromAmong("RentalSubsidy", "TalentApartment");
        var starts = new Option<DateOnly?>("--starts-on") { Description = "yyyy-MM-dd, not before the transitional term ends (today when left out)", HelpName = "date" };
        var command = new Command("long-term", "Choose a rental subsidy or a talent apartment for after the transitional term (the applicant).") { applicant, kind, starts };
        command.WithExamples("cases housing long-term P-110105199001011234 RentalSubsidy --starts-on 2027-06-02 --token <applicant-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"housing/{CommandPost.Escape(parse.GetRequiredValue(applicant))}/long-term", new { kind = parse.GetRequiredValue(kind), startsOn = parse.GetValue(starts) }));
        return command;
    }

    private static Argument<string> District() => new("district") { Description = "The district, e.g. haidian" };
}
