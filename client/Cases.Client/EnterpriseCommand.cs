using System.CommandLine;

namespace Cases.Client;

/// <summary>`cases enterprise register|review|admit|propose|consent|milestone|graduate|exit|talent-preference`: an enterprise from registration through incubation in a park (Art. 5, 6, 10).</summary>
public static class EnterpriseCommand
{
    /// <summary>Creates the `enterprise` command with its subcommands.</summary>
    public static Command Create(CliContext cli) => new Command("enterprise", "Enterprises: register, review, admit to a park (or propose and consent), record milestones, graduate or exit, talent preference. Show one with `cases show enterprise/<enterprise>`.")
    {
        Register(cli), Review(cli), Admit(cli), Propose(cli), Consent(cli), Milestone(cli), Graduate(cli), Exit(cli), TalentPreference(cli),
    }.WithExamples(
        "cases enterprise register E-aurora --name \"Aurora Robotics\" --founder <applicant> --capital 100000 --industry artificial-intelligence --district haidian --token <applicant-token>",
        "cases enterprise review E-aurora pass --reason \"file complete\" --token <officer-token>");

    private static Command Register(CliContext cli)
    {
        var enterprise = Enterprise();
        var name = new Option<string>("--name") { Description = "The enterprise's registered name", Required = true, HelpName = "name" };
        var founders = new Option<string[]>("--founder") { Description = "A founder's applicant case id (a recognised returnee); repeat for more", Required = true, HelpName = "applicant" };
        var passport = new Option<bool>("--with-passport") { Description = "Registered with the founder's passport (Art. 5)" };
        var capital = new Option<long>("--capital") { Description = "Registered capital in CNY", Required = true, HelpName = "cny" };
        var industry = new Option<string>("--industry") { Description = "The industry, a discipline of GET /disciplines, e.g. artificial-intelligence", Required = true, HelpName = "industry" };
        var district = new Option<string>("--district") { Description = "The district it is registered in, e.g. haidian", Required = true, HelpName = "district" };
        var command = new Command("register", "Register an enterprise founded by recognised returnees (a founder, an officer or an admin).") { enterprise, name, founders, passport, capital, industry, district };
        command.WithExamples("cases enterprise register E-aurora --name \"Aurora Robotics\" --founder P-110105199001011234 --with-passport --capital 100000 --industry artificial-intelligence --district haidian --token <applicant-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse => ("enterprises", new
        {
            id = parse.GetRequiredValue(enterprise),
            name = parse.GetRequiredValue(name),
            founderApplicantKeys = parse.GetRequiredValue(founders),
            registeredWithPassport = parse.GetValue(passport),
            registeredCapitalCny = parse.GetValue(capital),
            industry = parse.GetRequiredValue(industry),
            district = parse.GetRequiredValue(district),
        }));
        return command;
    }

    private static Command Review(CliContext cli)
    {
        var enterprise = Enterprise();
        var verdict = new Argument<string>("verdict") { Description = "pass or fail" };
        verdict.AcceptOnlyFromAmong("pass", "fail");
        var reason = Reason();
        var command = new Command("review", "The talent centre's review (officer, Art. 6); a pass asks this year's programme for the start-up grant.") { enterprise, verdict, reason };
        command.WithExamples("cases enterprise review E-aurora pass --reason \"file complete\" --token <officer-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"{Path(parse, enterprise)}/review", new { passed = parse.GetRequiredValue(verdict) == "pass", reason = parse.GetRequiredValue(reason) }));
        return command;
    }

    private static Command Admit(CliContext cli)
    {
        var (enterprise, park, reason) = (Enterprise(), Park(), Reason());
        var command = new Command("admit", "Admit the enterprise to a park for incubation (officer).") { enterprise, park, reason };
        command.WithExamples("cases enterprise admit E-aurora --park zgc-01 --reason \"incubation agreed\" --token <officer-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"{Path(parse, enterprise)}/park-admission", new { parkKey = parse.GetRequiredValue(park), reason = parse.GetRequiredValue(reason) }));
        return command;
    }

    private static Command Propose(CliContext cli)
    {
        var (enterprise, park) = (Enterprise(), Park());
        var command = new Command("propose", "Propose to incubate the enterprise in the operator's park (operator); a founder then consents.") { enterprise, park };
        command.WithExamples("cases enterprise propose E-aurora --park zgc-01 --token <operator-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"{Path(parse, enterprise)}/park-admission-proposals", new { parkKey = parse.GetRequiredValue(park) }));
        return command;
    }

    private static Command Consent(CliContext cli)
    {
        var (enterprise, park) = (Enterprise(), Park());
        var command = new Command("consent", "Consent to a park's admission proposal, which admits the enterprise (a founder).") { enterprise, park };
        command.WithExamples("cases enterprise consent E-aurora --park zgc-01 --token <applicant-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"{Path(parse, enterprise)}/park-admission-proposals/{CommandPost.Escape(parse.GetRequiredValue(park))}/consent", null));
        return command;
    }

    private static Command Milestone(CliContext cli)
    {
        var enterprise = Enterprise();
        var kind = new Argument<string>("kind") { Description = "FundingRound, Patent, StaffCount, Revenue or TaxPaid" };
        kind.AcceptOnlyFromAmong("FundingRound", "Patent", "StaffCount", "Revenue", "TaxPaid");
        var value = new Argument<long>("value") { Description = "CNY raised, patents granted, staff, or CNY of revenue or tax" };
        var year = new Option<int?>("--year") { Description = "The calendar year, for Revenue and TaxPaid only", HelpName = "year" };
        var reference = new Option<string?>("--reference") { Description = "A reference, e.g. the term sheet or patent number", HelpName = "text" };
        var command = new Command("milestone", "Record incubation progress (operator, officer, admin).") { enterprise, kind, value, year, reference };
        command.WithExamples(
            "cases enterprise milestone E-aurora FundingRound 2000000 --reference \"seed round\" --token <operator-token>",
            "cases enterprise milestone E-aurora Revenue 800000 --year 2026 --token <operator-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse => ($"{Path(parse, enterprise)}/milestones", new
        {
            kind = parse.GetRequiredValue(kind),
            value = parse.GetValue(value),
            year = parse.GetValue(year),
            reference = parse.GetValue(reference),
        }));
        return command;
    }

    private static Command Graduate(CliContext cli)
    {
        var enterprise = Enterprise();
        var command = new Command("graduate", "Record that the enterprise graduated from incubation (its park's operator, an officer or an admin).") { enterprise };
        command.WithExamples("cases enterprise graduate E-aurora --token <operator-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse => ($"{Path(parse, enterprise)}/graduation", null));
        return command;
    }

    private static Command Exit(CliContext cli)
    {
        var (enterprise, reason) = (Enterprise(), Reason());
        var command = new Command("exit", "Record that the enterprise left its park, and why (its park's operator, an officer or an admin).") { enterprise, reason };
        command.WithExamples("cases enterprise exit E-aurora --reason \"moved to Shenzhen\" --token <operator-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse => ($"{Path(parse, enterprise)}/exit", new { reason = parse.GetRequiredValue(reason) }));
        return command;
    }

    private static Command TalentPreference(CliContext cli)
    {
        var enterprise = Enterprise();
        var scope = new Option<bool>("--scope-in-line") { Description = "The business scope is in line with the city's industrial orientation (Art. 10)" };
        var command = new Command("talent-preference", "Evaluate preferential talent introduction (officer, Art. 10): over CNY 1 million tax a year on average over 3 years.") { enterprise, scope };
        command.WithExamples("cases enterprise talent-preference E-aurora --scope-in-line --token <officer-token>");
        CommandPost.Set(cli, command, CommandPost.IdempotencyKey(), parse =>
            ($"{Path(parse, enterprise)}/talent-preference", new { businessScopeInLineWithIndustrialOrientation = parse.GetValue(scope) }));
        return command;
    }

    private static Argument<string> Enterprise() => new("enterprise") { Description = "The enterprise's id, e.g. E-aurora" };

    private static Option<string> Park() => new("--park") { Description = "The park's key, e.g. zgc-01", Required = true, HelpName = "park" };

    private static Option<string> Reason() => new("--reason") { Description = "Why; recorded with the decision", Required = true, HelpName = "text" };

    private static string Path(ParseResult parse, Argument<string> enterprise) => $"enterprises/{CommandPost.Escape(parse.GetRequiredValue(enterprise))}";
}
