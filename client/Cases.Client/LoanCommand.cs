using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases loan request|commit|refuse|pay|show|queue`: loan interest subsidies (Art. 6; returnee-measures-2024 item 7) from request to payment.</summary>
public static class LoanCommand
{
    /// <summary>Creates the `loan` command with its subcommands.</summary>
    public static Command Create(CliContext cli) => new("loan", "Loan interest subsidies: request, commit, refuse, pay, show.")
    {
        Request(cli), Commit(cli), Refuse(cli), Pay(cli), Show(cli), Queue(cli),
    };

    private static Command Request(CliContext cli)
    {
        var (enterprise, loan) = Loan();
        var principal = Amount("--principal", "The loan's principal in CNY", required: true);
        var interest = Amount("--interest", "The loan's actual interest in CNY", required: true);
        var coverage = new Option<int>("--coverage") { Description = "Percent of the interest asked for: 1-99 partial, 100 full", Required = true, HelpName = "percent" };
        var ipBacked = new Option<bool>("--ip-backed") { Description = "The loan is backed by intellectual property (item 7)" };
        var key = IdempotencyKey();
        var command = new Command("request", "Ask for an interest subsidy on an enterprise's loan (a founder or an officer).") { enterprise, loan, principal, interest, coverage, ipBacked, key };
        command.WithExamples("cases loan request E-aurora ICBC-2026-001 --principal 1000000 --interest 40000 --coverage 100 --token <applicant-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var body = JsonSerializer.Serialize(new
            {
                loanReference = parse.GetRequiredValue(loan),
                principalCny = parse.GetValue(principal),
                interestCny = parse.GetValue(interest),
                coveragePercent = parse.GetValue(coverage),
                ipBacked = parse.GetValue(ipBacked),
            });
            var answer = await silo.PostJsonAsync($"enterprises/{Escape(parse.GetRequiredValue(enterprise))}/loan-interest-subsidies", body, Headers(cli, parse, key), ct).ConfigureAwait(false);
            CommandAnswerView.Render(cli.Console, answer);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Commit(CliContext cli)
    {
        var (enterprise, loan) = Loan();
        var year = Year();
        var amount = Amount("--amount", "CNY to commit; the amount requested when left out (never more)", required: false);
        var key = IdempotencyKey();
        var command = new Command("commit", "Commit a queued loan interest subsidy against the year's budget (officer).") { enterprise, loan, year, amount, key };
        command.WithExamples("cases loan commit E-aurora ICBC-2026-001 --year 2026 --token <officer-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var body = JsonSerializer.Serialize(new { enterpriseKey = parse.GetRequiredValue(enterprise), loanReference = parse.GetRequiredValue(loan), amountCny = parse.GetValue(amount) });
            var answer = await silo.PostJsonAsync($"{Programme(parse, year)}/loan-commitments", body, Headers(cli, parse, key), ct).ConfigureAwait(false);
            CommandAnswerView.Render(cli.Console, answer);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Refuse(CliContext cli)
    {
        var (enterprise, loan) = Loan();
        var year = Year();
        var reason = new Option<string>("--reason") { Description = "Why; recorded and shown to the enterprise", Required = true, HelpName = "text" };
        var key = IdempotencyKey();
        var command = new Command("refuse", "Refuse a queued loan interest subsidy with a reason (officer).") { enterprise, loan, year, reason, key };
        command.WithExamples("cases loan refuse E-aurora ICBC-2026-001 --year 2026 --reason \"not a start-up loan\" --token <officer-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var body = JsonSerializer.Serialize(new { enterpriseKey = parse.GetRequiredValue(enterprise), loanReference = parse.GetRequiredValue(loan), reason = parse.GetRequiredValue(reason) });
            var answer = await silo.PostJsonAsync($"{Programme(parse, year)}/loan-refusals", body, Headers(cli, parse, key), ct).ConfigureAwait(false);
            CommandAnswerView.Render(cli.Console, answer);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Pay(CliContext cli)
    {
        var (enterprise, loan) = Loan();
        var year = Year();
        var amount = Amount("--amount", "CNY to pay, at most what remains committed", required: true);
        var key = IdempotencyKey();
        var command = new Command("pay", "Pay (part of) a committed loan interest subsidy (officer).") { enterprise, loan, year, amount, key };
        command.WithExamples("cases loan pay E-aurora ICBC-2026-001 --year 2026 --amount 20000 --token <officer-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var body = JsonSerializer.Serialize(new { enterpriseKey = parse.GetRequiredValue(enterprise), loanReference = parse.GetRequiredValue(loan), amountCny = parse.GetValue(amount) });
            var answer = await silo.PostJsonAsync($"{Programme(parse, year)}/payments", body, Headers(cli, parse, key), ct).ConfigureAwait(false);
            CommandAnswerView.Render(cli.Console, answer);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var enterprise = new Argument<string>("enterprise") { Description = "The enterprise's id" };
        var output = OutputFormat.Create("table", "json");
        var command = new Command("show", "Show an enterprise's loan interest subsidies: requested, committed, paid, remaining.") { enterprise, output };
        command.WithExamples("cases loan show E-aurora --token <officer-token>", "cases loan show E-aurora --output json --token <officer-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var key = parse.GetRequiredValue(enterprise);
            var answer = await silo.GetAsync($"enterprises/{Escape(key)}", new RequestHeaders(cli.RequireToken(parse)), ct).ConfigureAwait(false);
            var subsidies = (answer.Member("state") ?? answer).Member("loanInterestSubsidies");
            if (parse.GetValue(output) == "json")
            {
                ShowCommand.Write(cli, subsidies ?? JsonSerializer.SerializeToElement(new { }), "json");
                return ExitCodes.Success;
            }
            var loans = subsidies is { ValueKind: JsonValueKind.Object } map
                ? map.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal).ToList()
                : [];
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("Loan", "Kind", "Coverage", "Requested", "Status", "Committed", "Paid", "Remaining", "Reason");
            foreach (var l in loans)
            {
                var request = l.Value.Member("request");
                table.AddRow(
                    new Text(l.Name),
                    new Text(request?.Member("ipBacked")?.ValueKind == JsonValueKind.True ? "IP-backed" : "bank"),
                    new Text($"{request?.Text("coveragePercent") ?? "?"} %"),
                    new Text(Cny(request?.Member("requestedAmountCny"))),
                    new Text(l.Value.Text("status") ?? ""),
                    new Text(Cny(l.Value.Member("committedCny"))),
                    new Text(Cny(l.Value.Member("paidCny"))),
                    new Text(Cny(l.Value.Member("remainingCny"))),
                    new Text(l.Value.Member("decision")?.Text("reason") ?? ""));
            }
            cli.Console.Write(table);
            var paid = loans.Count(l => l.Value.Member("fullyPaid")?.ValueKind == JsonValueKind.True);
            cli.Console.WriteLine($"Enterprise {key}: {loans.Count} loan subsidy request(s), {paid} fully paid.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Queue(CliContext cli)
    {
        var year = Year();
        var output = OutputFormat.Create("table", "json");
        var command = new Command("queue", "Show the year's loan requests awaiting an officer, and those waiting for the programme to open (officer, auditor).") { year, output };
        command.WithExamples("cases loan queue --year 2026 --token <officer-token>", "cases loan queue --year 2026 --output json --token <auditor-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var answer = await silo.GetAsync(Programme(parse, year), new RequestHeaders(cli.RequireToken(parse)), ct).ConfigureAwait(false);
            var state = answer.Member("state") ?? answer;
            if (parse.GetValue(output) == "json")
            {
                ShowCommand.Write(cli, JsonSerializer.SerializeToElement(new { loanRequests = state.Member("loanRequests"), waitingLoanRequests = state.Member("waitingLoanRequests") }), "json");
                return ExitCodes.Success;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("Enterprise", "Loan", "Kind", "Coverage", "Requested", "Asked on", "Stands", "Conditions");
            foreach (var (list, stands) in new[] { ("loanRequests", "awaits an officer"), ("waitingLoanRequests", "waits for the opening") })
            {
                foreach (var r in state.Member(list) is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray() : Enumerable.Empty<JsonElement>())
                {
                    var conditions = r.Member("eligibility")?.Member("conditions") is { ValueKind: JsonValueKind.Array } c
                        ? string.Join("; ", c.EnumerateArray().Select(x => $"{(x.Member("passed")?.ValueKind == JsonValueKind.True ? "passed" : "failed")} {x.Text("code")}"))
                        : "-";
                    table.AddRow(
                        new Text(r.Text("enterpriseKey") ?? ""),
                        new Text(r.Text("loanReference") ?? ""),
                        new Text(r.Member("ipBacked")?.ValueKind == JsonValueKind.True ? "IP-backed" : "bank"),
                        new Text($"{r.Text("coveragePercent") ?? "?"} %"),
                        new Text(Cny(r.Member("requestedAmountCny"))),
                        new Text(r.Text("requestedOn") ?? ""),
                        new Text(stands),
                        new Text(conditions));
                }
            }
            cli.Console.Write(table);
            cli.Console.WriteLine($"Programme startup-{parse.GetValue(year)}: CNY {Cny(state.Member("remainingBudgetCny"))} of CNY {Cny(state.Member("budgetCny"))} uncommitted.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static (Argument<string> Enterprise, Argument<string> Loan) Loan() =>
        (new Argument<string>("enterprise") { Description = "The enterprise's id" },
         new Argument<string>("loan") { Description = "The loan's reference, e.g. ICBC-2026-001" });

    private static Option<int> Year() =>
        new("--year") { Description = "The programme's year (startup-<year>): the year the enterprise asked", Required = true, HelpName = "year" };

    private static Option<long?> Amount(string name, string description, bool required) =>
        new(name) { Description = description, Required = required, HelpName = "cny" };

    private static Option<string?> IdempotencyKey() =>
        new("--idempotency-key") { Description = "Makes a retried command return the first answer", HelpName = "key" };

    private static RequestHeaders Headers(CliContext cli, ParseResult parse, Option<string?> key) =>
        new(cli.RequireToken(parse), IdempotencyKey: parse.GetValue(key) ?? Guid.NewGuid().ToString("N"));

    private static string Programme(ParseResult parse, Option<int> year) =>
        $"subsidy-programs/startup-{parse.GetValue(year).ToString(CultureInfo.InvariantCulture)}";

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static string Cny(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var v) ? v.ToString("N0", CultureInfo.InvariantCulture) : "0";
}
