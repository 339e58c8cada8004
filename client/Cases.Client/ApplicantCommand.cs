using System.CommandLine;

namespace Cases.Client;

/// <summary>`cases applicant recognition|permit|household-registration|household-decision|foreign-residence|dependant`: what an applicant (or an officer for them) asks for on the case.</summary>
public static class ApplicantCommand
{
    /// <summary>Creates the `applicant` command with its subcommands.</summary>
    public static Command Create(CliContext cli) => new Command("applicant", "An applicant's applications: recognition, permit, household registration, foreign residence, dependants.")
    {
        Recognition(cli), Permit(cli), HouseholdRegistration(cli), HouseholdDecision(cli), ForeignResidence(cli), Dependant(cli),
    }.WithExamples(
        "cases applicant recognition <applicant> <application> --token <applicant-token>",
        "cases applicant permit <applicant> <permit> --employer-reference <text> --token <applicant-token>");

    private static Command Recognition(CliContext cli)
    {
        var (applicant, application) = (Applicant(), Application("The recognition application's id, e.g. R-1"));
        var command = new Command("recognition", "Apply for recognition as a returnee (Art. 1); the rules are evaluated at once.") { applicant, application };
        command.WithExamples("cases applicant recognition P-110105199001011234 R-1 --token <applicant-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"applicants/{Id(parse, applicant)}/recognition", new { applicationId = parse.GetRequiredValue(application) }));
        return command;
    }

    private static Command Permit(CliContext cli)
    {
        var (applicant, permit) = (Applicant(), new Argument<string>("permit") { Description = "The permit application's id, e.g. RWP-1" });
        var employer = new Option<string?>("--employer-reference") { Description = "The employer's reference (certificate or letter)", HelpName = "text" };
        var enterprise = new Option<string?>("--enterprise") { Description = "The enterprise the applicant founded, instead of an employer", HelpName = "enterprise" };
        var command = new Command("permit", "Apply for a residence and work permit (Art. 4); an officer decides it with `cases decide`.") { applicant, permit, employer, enterprise };
        command.WithExamples("cases applicant permit P-110105199001011234 RWP-1 --employer-reference ZGC-CAPITAL-2026-001 --token <applicant-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"applicants/{Id(parse, applicant)}/permits",
             new { permitId = parse.GetRequiredValue(permit), enterpriseKey = parse.GetValue(enterprise), employerReference = parse.GetValue(employer) }));
        return command;
    }

    private static Command HouseholdRegistration(CliContext cli)
    {
        var (applicant, application) = (Applicant(), Application("The application's id, e.g. HR-1"));
        var byEmployer = new Option<bool>("--by-employer") { Description = "The employer applies on the applicant's behalf" };
        var dependants = Dependants();
        var command = new Command("household-registration", "Apply for household registration (item 3, Art. 18), with dependants if any.") { applicant, application, byEmployer, dependants };
        command.WithExamples("cases applicant household-registration <applicant> HR-1 --dependant D-1 --token <applicant-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"applicants/{Id(parse, applicant)}/household-registrations",
             new { applicationId = parse.GetRequiredValue(application), appliedByEmployer = parse.GetValue(byEmployer), dependantIds = parse.GetValue(dependants) ?? [] }));
        return command;
    }

    private static Command HouseholdDecision(CliContext cli)
    {
        var (applicant, application) = (Applicant(), Application("The household-registration application's id"));
        var decision = new Argument<string>("decision") { Description = "approve or reject" };
        decision.AcceptOnlyFromAmong("approve", "reject");
        var reason = new Option<string>("--reason") { Description = "Why; recorded with the decision", Required = true, HelpName = "text" };
        var command = new Command("household-decision", "Approve or reject a pending household-registration application (officer).") { applicant, application, decision, reason };
        command.WithExamples("cases applicant household-decision <applicant> HR-1 approve --reason \"Art. 18 met\" --token <officer-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"applicants/{Id(parse, applicant)}/household-registrations/{CommandPost.Escape(parse.GetRequiredValue(application))}/{parse.GetRequiredValue(decision)}",
             new { reason = parse.GetRequiredValue(reason) }));
        return command;
    }

    private static Command ForeignResidence(CliContext cli)
    {
        var (applicant, application) = (Applicant(), Application("The application's id, e.g. FR-1"));
        var kind = new Option<string>("--kind") { Description = "ResidencePermit or MultipleEntryVisa", Required = true, HelpName = "kind" };
        kind.AcceptOnlyFromAmong("ResidencePermit", "MultipleEntryVisa");
        var dependants = Dependants();
        var command = new Command("foreign-residence", "Apply for a foreign national's residence permit or multiple-entry visa (Art. 17).") { applicant, application, kind, dependants };
        command.WithExamples("cases applicant foreign-residence <applicant> FR-1 --kind ResidencePermit --token <applicant-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"applicants/{Id(parse, applicant)}/foreign-residence",
             new { applicationId = parse.GetRequiredValue(application), kind = parse.GetRequiredValue(kind), dependantIds = parse.GetValue(dependants) ?? [] }));
        return command;
    }

    private static Command Dependant(CliContext cli)
    {
        var applicant = Applicant();
        var dependant = new Argument<string>("dependant") { Description = "The dependant's id, e.g. D-1" };
        var relation = new Option<string>("--relation") { Description = "Spouse or Child", Required = true, HelpName = "relation" };
        relation.AcceptOnlyFromAmong("Spouse", "Child");
        var name = new Option<string>("--name") { Description = "The dependant's name", Required = true, HelpName = "name" };
        var birth = new Option<DateOnly?>("--birth-date") { Description = "yyyy-MM-dd", HelpName = "date" };
        var passport = new Option<string?>("--passport") { Description = "The passport kind, e.g. Chinese or Foreign", HelpName = "kind" };
        var expiry = new Option<DateOnly?>("--passport-expiry") { Description = "yyyy-MM-dd", HelpName = "date" };
        var command = new Command("dependant", "Add a spouse or child to the case.") { applicant, dependant, relation, name, birth, passport, expiry };
        command.WithExamples("cases applicant dependant <applicant> D-1 --relation Child --name \"Li Xiao\" --birth-date 2020-05-01 --token <applicant-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"applicants/{Id(parse, applicant)}/dependants",
             new
             {
                 dependantId = parse.GetRequiredValue(dependant),
                 relation = parse.GetRequiredValue(relation),
                 name = parse.GetRequiredValue(name),
                 birthDate = parse.GetValue(birth),
                 passport = parse.GetValue(passport),
                 passportExpiry = parse.GetValue(expiry),
             }));
        return command;
    }

    private static Argument<string> Applicant() => new("applicant") { Description = "The applicant's case id (identity document)" };

    private static Argument<string> Application(string description) => new("application") { Description = description };

    private static Option<string[]?> Dependants() =>
        new("--dependant") { Description = "A dependant's id to include; repeat for more", HelpName = "dependant", AllowMultipleArgumentsPerToken = false };

    private static string Id(ParseResult parse, Argument<string> argument) => CommandPost.Escape(parse.GetRequiredValue(argument));
}
