using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases park report|statistics|talent-team|evaluate|accredit`: a park's roster with each enterprise's stage and progress, its figures, and its record.</summary>
public static class ParkCommand
{
    /// <summary>Creates the `park` command with its subcommands.</summary>
    public static Command Create(CliContext cli)
    {
        var parkKey = new Argument<string>("park") { Description = "The park's key, e.g. zgc-01" };
        var output = OutputFormat.Create("table", "json");
        var report = new Command("report", "Show a park's roster: each enterprise's stage and progress.") { parkKey, output };
        report.WithExamples("cases park report zgc-01 --token <operator-token>", "cases park report zgc-01 --output json --token <officer-token>");
        cli.SetAction(report, async (parse, silo, ct) =>
        {
            var key = parse.GetRequiredValue(parkKey);
            var answer = await silo.GetAsync($"parks/{Uri.EscapeDataString(key)}", new RequestHeaders(cli.RequireToken(parse)), ct).ConfigureAwait(false);
            if (parse.GetValue(output) == "json")
                ShowCommand.Write(cli, answer, "json");
            else
                Render(cli.Console, key, answer.Member("state") ?? answer);
            return ExitCodes.Success;
        });
        var park = new Command("park", "Entrepreneurship parks: the roster report, statistics, talent teams, evaluation and accreditation.") { report, ParkStatisticsCommand.Create(cli) };
        foreach (var record in ParkRecordCommands.Create(cli))
            park.Add(record);
        return park;
    }

    private static void Render(IAnsiConsole console, string parkKey, JsonElement state)
    {
        var entries = state.Member("roster") switch
        {
            { ValueKind: JsonValueKind.Object } map => map.EnumerateObject().Select(m => m.Value).ToList(),
            { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().ToList(),
            _ => [],
        };
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Enterprise", "Stage", "Admitted", "Ended", "Funding", "Patents", "Staff", "Revenue", "Last progress");
        foreach (var e in entries.OrderBy(e => e.Text("admittedOn"), StringComparer.Ordinal).ThenBy(e => e.Text("enterpriseKey"), StringComparer.Ordinal))
        {
            table.AddRow(
                new Text(e.Text("enterpriseKey") ?? ""),
                new Text(e.Text("stage") ?? ""),
                new Text(e.Text("admittedOn") ?? ""),
                new Text(e.Text("endedOn") ?? ""),
                new Text($"{e.Text("fundingRounds") ?? "0"} round(s), CNY {Number(e.Member("fundingRaisedCny"))}"),
                new Text(e.Text("patents") ?? "0"),
                new Text(e.Text("staffCount") ?? "-"),
                new Text(LatestYear(e.Member("revenueByYear"))),
                new Text(e.Member("progressDates") is { ValueKind: JsonValueKind.Array } dates && dates.GetArrayLength() > 0
                    ? dates.EnumerateArray().Select(d => d.AsText()).Max(StringComparer.Ordinal)!
                    : "-"));
        }
        console.Write(table);
        var byStage = entries.GroupBy(e => e.Text("stage") ?? "?").Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}");
        var teams = state.Member("talentTeams") is { ValueKind: JsonValueKind.Array } t ? t.GetArrayLength() : 0;
        console.WriteLine($"Park {parkKey}: {entries.Count} enterprise(s) ({string.Join(", ", byStage)}); {teams} talent team(s) recorded.");
        if (state.Member("latestEvaluation") is { } evaluation)
            console.WriteLine($"Latest evaluation: {evaluation.OneLine()}");
        if (state.Member("accreditation") is { } accreditation)
            console.WriteLine($"Accredited: {accreditation.OneLine()}");
    }

    private static string Number(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var v) ? v.ToString("N0", CultureInfo.InvariantCulture) : "0";

    // Revenue is kept per calendar year; the latest year is the one a report reader asks about.
    private static string LatestYear(JsonElement? byYear)
    {
        if (byYear is not { ValueKind: JsonValueKind.Object } years || !years.EnumerateObject().Any())
            return "-";
        var latest = years.EnumerateObject().MaxBy(y => y.Name, StringComparer.Ordinal);
        return $"{latest.Name}: CNY {Number(latest.Value)}";
    }
}
