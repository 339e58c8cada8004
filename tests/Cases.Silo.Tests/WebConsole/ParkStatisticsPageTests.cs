using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Cases.Silo.Auth;
using Cases.Silo.Tests.Api;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.WebConsole;

/// <summary>The park page's statistics tables, server-rendered for the park's operator, and refused to another park's.</summary>
[Collection(ConsoleSiloCollection.Name)]
public sealed partial class ParkStatisticsPageTests(ApiSilo silo)
{
    [Fact]
    public async Task TheOperatorsParkPageShowsItsStatisticsAndAnotherOperatorIsRefused()
    {
        var (id, parkKey, @operator) = await EnterpriseInParkAsync(silo);
        await JsonAsync(await @operator.PostAsJsonAsync($"/enterprises/{id}/milestones", new { kind = "FundingRound", value = 1_250_000, reference = "seed" }));
        await EventuallyAsync(() => @operator.GetAsync($"/parks/{parkKey}/statistics"), s => s.GetProperty("milestones").GetProperty("fundingRaisedCny").GetInt64() == 1_250_000);
        var console = await silo.SignInToConsoleAsync(Roles.Operator, parkKey);

        var page = await console.PageAsync($"/console/parks/{parkKey}");
        var other = await (await silo.SignInToConsoleAsync(Roles.Operator, NewId("park"))).PageAsync($"/console/parks/{parkKey}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<section id=\"statistics\">", page.Html, StringComparison.Ordinal);
        Assert.Equal("1,250,000", StatisticsFunding().Match(page.Html).Groups[1].Value);
        // Admitted, incubating, graduated, left, ever on the roster.
        Assert.Equal(["0", "1", "0", "0", "1"], StageCells().Match(page.Html).Groups[1].Value.Split("</td><td>"));
        Assert.Contains($"id=\"statistics-year-{silo.CityYear()}\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.DoesNotContain("statistics", other.Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<td id=\"statistics-funding\">([^<]*)</td>")]
    private static partial Regex StatisticsFunding();

    [GeneratedRegex("<table id=\"statistics-stages\">.*?<tbody><tr><td>(.*?)</td></tr></tbody>", RegexOptions.Singleline)]
    private static partial Regex StageCells();
}
