using System.Net;
using Cases.Silo.Auth;
using Cases.Silo.Tests.Api;
using static Cases.Silo.Tests.Api.SearchSteps;

namespace Cases.Silo.Tests.WebConsole;

/// <summary>The search box on every staff page, and the search page: results link to the case, and only a reasoned search reads and records.</summary>
[Collection(ConsoleSiloCollection.Name)]
public sealed class SearchPageTests(ApiSilo silo)
{
    [Theory]
    [InlineData(Roles.Officer, "/console/queue")]
    [InlineData(Roles.Auditor, "/console/intake")]
    [InlineData(Roles.Admin, "/console/intake")]
    public async Task EveryStaffPageCarriesTheSearchBoxAndTheSearchLink(string role, string page)
    {
        var console = await silo.SignInToConsoleAsync(role, "staff");

        var (status, html) = await console.PageAsync(page);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("action=\"/console/search\"", html);
        Assert.Contains("id=\"search-q\"", html);
        Assert.Contains("id=\"search-reason\"", html);
        Assert.Contains("href=\"/console/search\"", html);
    }

    [Fact]
    public async Task AParkOperatorsPageHasNoSearchBox()
    {
        var console = await silo.SignInToConsoleAsync(Roles.Operator, "zgc-01");

        var (_, html) = await console.PageAsync("/console/parks/zgc-01");

        Assert.DoesNotContain("id=\"search-q\"", html);
    }

    [Fact]
    public async Task AReasonedSearchListsTheCaseRecordsTheReadAndLinksToTheCasePage()
    {
        var word = UniqueWord("Console");
        var key = await ApplicantNamedAsync(silo, $"{word} Liu");
        await SearchUntilAsync(silo, word, keys => keys.Contains(key), "the applicant in the index");
        var auditor = await silo.SignInToConsoleAsync(Roles.Auditor, "sun");
        var reason = AuditSteps.NewId("complaint");

        var (status, html) = await auditor.PageAsync($"/console/search?q={word}&reason={reason}");

        Assert.Equal(HttpStatusCode.OK, status);
        var link = $"/console/audit/applicant/{key}?reason={reason}";
        Assert.Contains($"href=\"{link}\"", html);
        var read = Assert.Single(await silo.AccessRecordsAsync(key), r => r.Reason == reason);
        Assert.Equal($"console staff search for \"{word.ToLowerInvariant()}\"", read.What);
        var (caseStatus, casePage) = await auditor.PageAsync(link);
        Assert.Equal(HttpStatusCode.OK, caseStatus);
        Assert.Contains("ApplicantRegistered", casePage);
    }

    [Fact]
    public async Task ASearchWithoutAReasonShowsOnlyTheFormAndRecordsNothing()
    {
        var word = UniqueWord("Unreasoned");
        var key = await ApplicantNamedAsync(silo, word);
        await SearchUntilAsync(silo, word, keys => keys.Contains(key), "the applicant in the index");
        var before = (await silo.AccessRecordsAsync(key)).Count;
        var officer = await silo.SignInToConsoleAsync(Roles.Officer, "wang");

        var (status, html) = await officer.PageAsync($"/console/search?q={word}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(key, html);
        Assert.Equal(before, (await silo.AccessRecordsAsync(key)).Count);
    }
}
