using System.Globalization;
using System.Text;
using Cases.Domain.Enterprises;
using Cases.Domain.Parks;
using Cases.Domain;
using Cases.Grains.ReadModels;
using Cases.Silo.Api;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.WebConsole;

/// <summary>The park operator's pages: roster with filter, sort, charts and the park's statistics, an enterprise's timeline, and the roster as CSV.</summary>
public static class ParkPages
{
    private static readonly string[] ParkReaders = [Roles.Operator, Roles.Officer, Roles.Auditor, Roles.Admin];

    private static readonly string[] RosterHeader = ["enterprise", "name", "founders", "stage", "months_incubated", "funding_cny", "staff", "last_milestone"];

    public static void MapParkPages(this RouteGroupBuilder console)
    {
        console.MapGet("/parks/{parkKey}", Roster).ForRoles(ParkReaders);
        console.MapGet("/parks/{parkKey}/roster.csv", RosterCsv).ForRoles(ParkReaders);
        console.MapGet("/parks/{parkKey}/enterprises/{enterpriseKey}", Enterprise).ForRoles(ParkReaders);
    }

    public static async Task<Results<RazorComponentResult<RosterPage>, ProblemHttpResult>> Roster(
        string parkKey, string? stage, string? q, string? sort, string? dir, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] CityClock clock)
    {
        if (await LoadAsync(parkKey, http, grains, clock) is not { } loaded)
            return Denied(parkKey, http);
        var (state, rows) = loaded;
        var filtered = rows.Where(r => stage is null or "" || r.Stage.ToString().Equals(stage, StringComparison.OrdinalIgnoreCase))
            .Where(r => string.IsNullOrWhiteSpace(q) || Matches(r, q.Trim()));
        var descending = dir == "desc";
        var sorted = Sort(filtered, sort ?? "name", descending).ToList();
        var byStage = Enum.GetValues<RosterStage>().Select(s => (s.ToString(), (long)rows.Count(r => r.Stage == s))).ToList();
        var funding = await FundingOverTimeAsync(parkKey, grains, http.RequestAborted);
        var statistics = await ParkStatisticsReads.SummaryAsync(grains.Factory, grains.Programme.Rules, parkKey, clock.Today);
        return PageFrame.Page<RosterPage>(http, $"Park {parkKey}", new RosterModel(parkKey, sorted, stage, q, sort ?? "name", descending, byStage, funding, statistics));
    }

    /// <summary>The whole roster of the operator's own park as CSV (one row per enterprise, founders joined by ';').</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RosterCsv(
        string parkKey, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] CityClock clock)
    {
        if (await LoadAsync(parkKey, http, grains, clock) is not { } loaded)
            return Denied(parkKey, http);
        var csv = new StringBuilder(CsvCells.Row(RosterHeader));
        foreach (var r in loaded.Rows.OrderBy(r => r.EnterpriseKey, StringComparer.Ordinal))
            csv.Append(CsvCells.Row([CsvCells.Text(r.EnterpriseKey), CsvCells.Text(r.Name), CsvCells.Text(string.Join(';', r.Founders)), r.Stage.ToString(),
                CsvCells.Number(r.MonthsIncubated), CsvCells.Number(r.FundingCny), r.Staff is { } staff ? CsvCells.Number(staff) : "",
                r.LastMilestone?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""]));
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"{parkKey}-roster.csv");
    }

    public static async Task<Results<RazorComponentResult<EnterprisePage>, ProblemHttpResult>> Enterprise(
        string parkKey, string enterpriseKey, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] CityClock clock)
    {
        if (await LoadAsync(parkKey, http, grains, clock) is not { } loaded)
            return Denied(parkKey, http);
        // Only enterprises on this park's roster are shown here, so an operator cannot read other parks' enterprises by key.
        if (loaded.Rows.FirstOrDefault(r => r.EnterpriseKey == enterpriseKey) is not { } row)
            return Problems.NotFound($"Enterprise {enterpriseKey} on park {parkKey}");
        var timeline = await ConsoleTimeline.ReadAsync(grains, $"{EnterpriseDecider.Type}/{enterpriseKey}", http.RequestAborted);
        var (enterprise, _) = await grains.Enterprise(enterpriseKey).GetState();
        var loans = enterprise.LoanInterestSubsidies.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => (l.Key, l.Value)).ToList();
        return PageFrame.Page<EnterprisePage>(http, $"{row.Name} ({enterpriseKey})", new EnterpriseModel(parkKey, row, loans, timeline));
    }

    // Null when the caller may not see the park or it is unknown; Denied then says which.
    private static async Task<(ParkState State, List<RosterRow> Rows)?> LoadAsync(string parkKey, HttpContext http, ProgrammeGrains grains, CityClock clock)
    {
        var caller = Caller.From(http.User);
        if (caller.Is(Roles.Operator) && caller.Subject != parkKey)
            return null;
        var (state, version) = await grains.Park(parkKey).GetState();
        if (version == 0)
            return null;
        var today = clock.Today;
        var rows = new List<RosterRow>(state.Roster.Count);
        foreach (var entry in state.Roster.Values)
        {
            var (enterprise, _) = await grains.Enterprise(entry.EnterpriseKey).GetState();
            var end = entry.EndedOn ?? today;
            var months = Math.Max(0, (end.Year - entry.AdmittedOn.Year) * 12 + end.Month - entry.AdmittedOn.Month - (end.Day < entry.AdmittedOn.Day ? 1 : 0));
            rows.Add(new RosterRow(entry.EnterpriseKey, enterprise.Registration?.Name ?? entry.EnterpriseKey,
                enterprise.Registration?.FounderApplicantKeys ?? [], entry.Stage, months, entry.FundingRaisedCny, entry.StaffCount,
                entry.ProgressDates.Count > 0 ? entry.ProgressDates.Max() : null));
        }
        return (state, rows);
    }

    private static ProblemHttpResult Denied(string parkKey, HttpContext http)
    {
        var caller = Caller.From(http.User);
        if (caller.Is(Roles.Operator) && caller.Subject != parkKey)
            return Problems.Forbidden($"An operator of park {caller.Subject} cannot access park {parkKey}.");
        return Problems.NotFound($"Park {parkKey}");
    }

    // Cumulative funding recorded on the roster, by month, from the park's own stream.
    private static async Task<List<(string, long)>> FundingOverTimeAsync(string parkKey, ProgrammeGrains grains, CancellationToken ct)
    {
        var byMonth = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await foreach (var e in grains.Store.ReadStreamAsync($"{ParkDecider.Type}/{parkKey}", 1, long.MaxValue, ct))
        {
            if (grains.Programme.Parks.Deserialize(e) is RosterMilestoneRecorded { Kind: MilestoneKind.FundingRound } m)
            {
                var month = m.On.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                byMonth[month] = checked(byMonth.GetValueOrDefault(month) + m.Value);
            }
        }
        // The park decider refuses funding its roster's total cannot hold, so these checked sums never throw on its stream.
        long total = 0;
        return byMonth.Select(kv => (kv.Key, total = checked(total + kv.Value))).ToList();
    }

    private static bool Matches(RosterRow r, string text) =>
        r.EnterpriseKey.Contains(text, StringComparison.OrdinalIgnoreCase) || r.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || r.Founders.Any(f => f.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<RosterRow> Sort(IEnumerable<RosterRow> rows, string sort, bool descending)
    {
        Func<RosterRow, IComparable?> key = sort switch
        {
            "stage" => r => r.Stage,
            "months" => r => r.MonthsIncubated,
            "funding" => r => r.FundingCny,
            "staff" => r => r.Staff,
            "milestone" => r => r.LastMilestone,
            "founders" => r => string.Join(',', r.Founders),
            _ => r => r.Name,
        };
        return descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
    }
}
