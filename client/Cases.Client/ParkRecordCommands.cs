using System.CommandLine;

namespace Cases.Client;

/// <summary>`cases park talent-team|evaluate|accredit`: what a park's record holds for its evaluation (parks Q&A).</summary>
public static class ParkRecordCommands
{
    /// <summary>The subcommands, for `cases park`.</summary>
    public static IEnumerable<Command> Create(CliContext cli) => [TalentTeam(cli), Evaluate(cli), Accredit(cli)];

    private static Command TalentTeam(CliContext cli)
    {
        var park = Park();
        var name = new Option<string>("--name") { Description = "The talent team's name", Required = true, HelpName = "text" };
        var on = new Option<string>("--attracted-on") { Description = "The city date the team came, yyyy-MM-dd", Required = true, HelpName = "date" };
        var command = new Command("talent-team", "Record a talent team the park attracted; the evaluation counts those of the last three years (its operator or an officer).") { park, name, on };
        command.WithExamples("cases park talent-team zgc-01 --name \"Photonics lab of Dr. Lin\" --attracted-on 2026-04-01 --token <operator-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"{Path(parse, park)}/talent-teams", new { teamName = parse.GetRequiredValue(name), attractedOn = parse.GetRequiredValue(on) }));
        return command;
    }

    private static Command Evaluate(CliContext cli)
    {
        var park = Park();
        var year = new Option<int>("--year") { Description = "The completed year evaluated", Required = true, HelpName = "year" };
        var command = new Command("evaluate", "Run the park's annual evaluation for a completed year (officer).") { park, year };
        command.WithExamples("cases park evaluate zgc-01 --year 2025 --token <officer-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse => ($"{Path(parse, park)}/evaluations", new { year = parse.GetValue(year) }));
        return command;
    }

    private static Command Accredit(CliContext cli)
    {
        var park = Park();
        var command = new Command("accredit", "Accredit the park to provide talent services itself, on its latest outstanding evaluation (officer).") { park };
        command.WithExamples("cases park accredit zgc-01 --token <officer-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse => ($"{Path(parse, park)}/accreditation", null));
        return command;
    }

    private static Argument<string> Park() => new("park") { Description = "The park's key, e.g. zgc-01" };

    private static string Path(ParseResult parse, Argument<string> park) => $"parks/{CommandPost.Escape(parse.GetRequiredValue(park))}";
}
