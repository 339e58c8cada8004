using Cases.Domain.Enterprises;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Silo.Auth;
using Microsoft.Playwright;

namespace Cases.Console.Tests;

/// <summary>A park operator in the browser: their roster only, filters, an enterprise's timeline, CSV export.</summary>
[Collection(ConsoleSiloCollection.Name)]
public sealed class ParkOperatorConsoleTests(ConsoleSilo silo)
{
    [Fact]
    public async Task OperatorSeesOnlyTheirParkFiltersOpensAnEnterpriseAndExportsCsv()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        string park = $"park-{id}", otherPark = $"other-{id}", alpha = $"ent-a-{id}", beta = $"ent-b-{id}", gamma = $"ent-g-{id}";
        await SeedAsync(park, alpha, "Alpha Robotics", funding: 500_000);
        await SeedAsync(park, beta, "Beta Foods", funding: null);
        await SeedAsync(otherPark, gamma, "Gamma Elsewhere", funding: 70_000);

        var page = await silo.SignInAsync(Roles.Operator, park);
        Assert.EndsWith($"/console/parks/{park}", page.Url);
        var roster = await page.InnerTextAsync("#roster");
        Assert.Contains("Alpha Robotics", roster);
        Assert.Contains("Beta Foods", roster);
        Assert.DoesNotContain("Gamma Elsewhere", roster);
        Assert.Contains("500,000", roster);
        Assert.Contains("Incubating", await page.InnerHTMLAsync("#chart-stage"));
        await ConsoleSilo.ScreenshotAsync(page, "operator-roster");

        var other = await page.GotoAsync($"/console/parks/{otherPark}");
        Assert.Equal(403, other!.Status);
        Assert.DoesNotContain("Gamma Elsewhere", await page.ContentAsync());

        await page.GotoAsync($"/console/parks/{park}");
        await page.FillAsync("#q", "alpha");
        await page.ClickAsync("#apply");
        var filtered = await page.InnerTextAsync("#roster tbody");
        Assert.Contains("Alpha Robotics", filtered);
        Assert.DoesNotContain("Beta Foods", filtered);
        await page.FillAsync("#q", "");
        await page.SelectOptionAsync("#stage", "Admitted");
        await page.ClickAsync("#apply");
        var admitted = await page.InnerTextAsync("#roster tbody");
        Assert.Contains("Beta Foods", admitted);
        Assert.DoesNotContain("Alpha Robotics", admitted);
        await ConsoleSilo.ScreenshotAsync(page, "operator-roster-filtered");

        await page.GotoAsync($"/console/parks/{park}");
        await page.ClickAsync("text=Alpha Robotics");
        Assert.EndsWith($"/console/parks/{park}/enterprises/{alpha}", page.Url);
        Assert.Contains("EnterpriseRegistered", await page.InnerTextAsync("#timeline"));
        await ConsoleSilo.ScreenshotAsync(page, "operator-enterprise");

        await page.GotoAsync($"/console/parks/{park}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("enterprise,name,founders,stage", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"\"{alpha}\",\"Alpha Robotics\"", StringComparison.Ordinal) && l.Contains(",Incubating,", StringComparison.Ordinal) && l.Contains(",500000,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"\"{beta}\",\"Beta Foods\"", StringComparison.Ordinal));
        Assert.Equal(3, lines.Length);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OperatorCannotDownloadAnotherParksRosterCsv()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await SeedAsync($"other-{id}", $"ent-{id}", "Hidden Ventures", funding: null);
        var page = await silo.SignInAsync(Roles.Operator, $"mine-{id}");
        var response = await page.APIRequest.GetAsync($"/console/parks/other-{id}/roster.csv");
        Assert.Equal(403, response.Status);
        Assert.DoesNotContain("Hidden Ventures", await response.TextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheRosterCsvDefusesFormulasInEveryTextCell()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        string park = $"park-{id}", enterprise = $"ent-{id}";
        await SeedAsync(park, enterprise, "\t=HYPERLINK(\"http://evil.example\",\"open\")", funding: null, founders: ["@SUM(1+1)", "\r=1+2"]);
        var page = await silo.SignInAsync(Roles.Operator, park);

        var csv = await (await page.APIRequest.GetAsync($"/console/parks/{park}/roster.csv")).TextAsync();

        var row = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.StartsWith($"\"{enterprise}\",\"'\t=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\",\"'@SUM(1+1);\r=1+2\",", row, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OperatorReadsTheirParksStatisticsBelowTheRoster()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        string park = $"park-{id}", alpha = $"ent-a-{id}", beta = $"ent-b-{id}";
        await SeedAsync(park, alpha, "Alpha Robotics", funding: 500_000);
        await SeedAsync(park, beta, "Beta Foods", funding: 250_000);
        // The statistics are a read model of their own, fed by the same stream: wait until it has folded both rounds.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (((ParkStatisticsState)await silo.Grains.Factory.GetGrain<IParkStatisticsGrain>(park).GetState()).FundingRaisedCny != 750_000)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Park {park}'s statistics did not fold both funding rounds within 15 s.");
            await Task.Delay(50);
        }

        var page = await silo.SignInAsync(Roles.Operator, park);

        Assert.Equal("750,000", await page.InnerTextAsync("#statistics-funding"));
        Assert.Equal(["0", "2", "0", "0", "2"], (await page.Locator("#statistics-stages tbody td").AllInnerTextsAsync()).ToArray());
        Assert.Contains("0 talent team(s)", await page.InnerTextAsync("#statistics-teams"));
        await page.Locator("#statistics").ScrollIntoViewIfNeededAsync();
        await ConsoleSilo.ScreenshotAsync(page, "operator-statistics");
        await page.Context.CloseAsync();
    }

    // The enterprise is registered (its name and founders) and admitted as in production: its park's operator proposes and a founder consents;
    // funding moves it to incubating. The roster follows on the decision stream, so this waits (boundedly) until it shows.
    private async Task SeedAsync(string park, string enterprise, string name, long? funding, string[]? founders = null)
    {
        founders ??= [$"founder-{enterprise}"];
        var grain = silo.Grains.Enterprise(enterprise);
        await silo.ExecuteAsync(grain, new RegisterEnterprise(name, founders, true, 1_000_000, "robotics", "haidian"));
        await silo.ExecuteAsync(grain, new ProposeParkAdmission(park), $"operator:{park}");
        await silo.ExecuteAsync(grain, new ConsentToParkAdmission(park), $"applicant:{founders[0]}");
        if (funding is { } amount)
            await silo.ExecuteAsync(grain, new RecordMilestone(MilestoneKind.FundingRound, amount, Reference: "seed"), $"operator:{park}");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await silo.Grains.Park(park).GetState()).State.Roster.GetValueOrDefault(enterprise) is not { } entry || entry.FundingRaisedCny != (funding ?? 0))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{enterprise} did not reach park {park}'s roster within 15 s.");
            await Task.Delay(50);
        }
    }
}
