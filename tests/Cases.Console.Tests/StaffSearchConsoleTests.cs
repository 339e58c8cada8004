using Cases.Silo.Auth;

namespace Cases.Console.Tests;

/// <summary>Staff in the browser: the search box in the header of the officer's and the auditor's pages, and a search that leads to the case page.</summary>
[Collection(ConsoleSiloCollection.Name)]
public sealed class StaffSearchConsoleTests(ConsoleSilo silo)
{
    [Fact]
    public async Task AnAuditorSearchesByADocumentTypedLooselyAndOpensTheCase()
    {
        var applicant = await silo.ApplicantWithPendingPermitAsync();
        var page = await silo.SignInAsync(Roles.Auditor, "zhao");
        Assert.Equal(1, await page.Locator("header #search-q").CountAsync());
        var link = page.Locator($"#search-results a[href^='/console/audit/applicant/{applicant}?reason=']");

        // The index follows the journal asynchronously: search again until the new case is listed, with a bounded deadline.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await link.CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await page.FillAsync("#search-q", $" {applicant.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)} ");
            await page.FillAsync("#search-reason", "complaint about a permit");
            await page.ClickAsync("#search-go");
        }
        Assert.Contains("Li Wei", await page.InnerTextAsync("#search-results"));
        await ConsoleSilo.ScreenshotAsync(page, "staff-search-results");

        await link.ClickAsync();
        Assert.EndsWith($"/console/audit/applicant/{applicant}?reason=complaint%20about%20a%20permit", page.Url);
        Assert.Contains("ApplicantRegistered", await page.InnerTextAsync("#timeline"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheOfficersQueueCarriesTheSearchBox()
    {
        var page = await silo.SignInAsync(Roles.Officer, "wang");

        Assert.EndsWith("/console/queue", page.Url);
        Assert.Equal(1, await page.Locator("header form[action='/console/search'] #search-q").CountAsync());
        Assert.Equal(1, await page.Locator("header nav a[href='/console/search']").CountAsync());
        await page.Context.CloseAsync();
    }
}
