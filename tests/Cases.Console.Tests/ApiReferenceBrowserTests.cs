using Microsoft.Playwright;

namespace Cases.Console.Tests;

/// <summary>The interactive API reference in a real browser, under the silo's content security policy.</summary>
[Collection(ConsoleSiloCollection.Name)]
public sealed class ApiReferenceBrowserTests(ConsoleSilo silo)
{
    [Fact]
    public async Task TheApiReferenceShowsTheOperationsWithoutBreakingTheContentSecurityPolicy()
    {
        var context = await silo.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = silo.Address.ToString() });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                refused.Add(message.Text);
        };
        page.PageError += (_, error) => refused.Add(error);

        await page.GotoAsync("/api-reference/");
        // The first tag's operations are drawn open; the others stay folded until chosen.
        var operation = page.GetByText("Issues a token for a role and subject", new PageGetByTextOptions { Exact = false }).First;
        await operation.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await ConsoleSilo.ScreenshotAsync(page, "api-reference");

        Assert.Empty(refused);
        Assert.Contains("Cases", await page.TitleAsync(), StringComparison.Ordinal);
        await context.DisposeAsync();
    }
}
