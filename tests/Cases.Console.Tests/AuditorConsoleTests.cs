using System.Globalization;
using Cases.Silo.Auth;
using Microsoft.Playwright;

namespace Cases.Console.Tests;

/// <summary>An auditor in the browser: a case as of an earlier instant, its causation chain, chain verification and the access log.</summary>
[Collection(ConsoleSiloCollection.Name)]
public sealed class AuditorConsoleTests(ConsoleSilo silo)
{
    [Fact]
    public async Task AuditorMovesTheAsOfControlAndSeesTheEarlierState()
    {
        var between = DateTimeOffset.MinValue;
        var applicant = await silo.ApplicantWithPendingPermitAsync(async () =>
        {
            // Millisecond steps on both sides keep the chosen instant strictly between the two commits.
            await Task.Delay(5);
            between = DateTimeOffset.UtcNow;
            await Task.Delay(5);
        });
        var page = await silo.SignInAsync(Roles.Auditor, "zhao");
        await page.GotoAsync($"/console/audit/applicant/{applicant}");
        Assert.Contains("give a reason", await page.InnerTextAsync("#message"));
        Assert.Equal(0, await page.Locator("#state").CountAsync());

        await page.FillAsync("#access-reason", "quarterly sample audit");
        await page.ClickAsync("#show");
        Assert.Contains("Pending", await page.InnerTextAsync("#state"));
        await ConsoleSilo.ScreenshotAsync(page, "auditor-case-now");

        await page.FillAsync("#as-of", DateTimeLocal(between.UtcDateTime));
        await page.ClickAsync("#show");
        var earlier = await page.InnerTextAsync("#state");
        Assert.Contains("\"Permit\": null", earlier);
        Assert.DoesNotContain("Pending", earlier);
        Assert.StartsWith("Version 1,", await page.InnerTextAsync("#state-version"));
        await ConsoleSilo.ScreenshotAsync(page, "auditor-case-as-of");

        await page.ClickAsync("#verify");
        Assert.Contains("Hash chain intact", await page.InnerTextAsync("#verification"));

        await page.Locator("#timeline a", new PageLocatorOptions { HasText = "trace" }).First.ClickAsync();
        Assert.Contains("ApplicantRegistered", await page.InnerTextAsync("#trace"));
        await ConsoleSilo.ScreenshotAsync(page, "auditor-trace");

        await page.GotoAsync($"/console/audit/access/{applicant}");
        Assert.Contains("quarterly sample audit", await page.InnerTextAsync("#access-log"));
        await ConsoleSilo.ScreenshotAsync(page, "auditor-access-log");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AuditorFollowsLinksFromATimelineEventToItsTraceToACaseToItsAccessLogAndBack()
    {
        var applicant = await silo.ApplicantWithPendingPermitAsync();
        var page = await silo.SignInAsync(Roles.Auditor, "wu");
        await page.GotoAsync($"/console/audit/applicant/{applicant}?reason=link+walk");

        await page.Locator("#timeline a.trace").Last.ClickAsync();
        Assert.Contains("trace=", page.Url);
        Assert.Contains("reason=link%20walk", page.Url);
        await page.Locator("#trace .node-case").First.ClickAsync();
        Assert.Contains($"/console/audit/applicant/{applicant}?reason=link%20walk", page.Url);
        Assert.DoesNotContain("trace=", page.Url);
        Assert.Equal(0, await page.Locator("#trace").CountAsync());
        await page.Locator("#timeline a.trace").First.ClickAsync();
        await page.Locator("#trace .node-trace").First.ClickAsync();
        Assert.Contains("ApplicantRegistered", await page.InnerTextAsync("#trace"));
        await page.ClickAsync("#access-log-link");
        Assert.EndsWith($"/console/audit/access/{applicant}", page.Url);
        Assert.Contains("link walk", await page.InnerTextAsync("#access-log"));
        await page.ClickAsync("#case-link");
        Assert.Contains("give a reason", await page.InnerTextAsync("#message"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnUnknownApplicantIs404AndItsReadLeavesNoAccessRecord()
    {
        var unknown = $"P-{Guid.NewGuid():N}"[..20];
        var page = await silo.SignInAsync(Roles.Auditor, "zhou");

        var read = await page.GotoAsync($"/console/audit/applicant/{unknown}?reason=looking+for+a+case");

        Assert.Equal(404, read!.Status);
        await page.GotoAsync($"/console/audit/access/{unknown}");
        Assert.Equal(1, await page.Locator("#no-reads").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task IntakeDashboardCountsApplicationsAndBacklog()
    {
        await silo.ApplicantWithPendingPermitAsync();
        var page = await silo.SignInAsync(Roles.Auditor, "qian");
        Assert.EndsWith("/console/intake", page.Url);
        Assert.True(long.Parse(await page.InnerTextAsync("#registrations"), CultureInfo.InvariantCulture) >= 1);
        Assert.True(long.Parse(await page.InnerTextAsync("#backlog"), CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("<rect", await page.InnerHTMLAsync("#chart-registrations"));
        await ConsoleSilo.ScreenshotAsync(page, "intake");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ASignInWithAForgedTokenIsRefused()
    {
        var context = await silo.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = silo.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console/intake");
        Assert.Contains("/console/sign-in", page.Url);
        await page.FillAsync("#token", "eyJmb3JnZWQiOnRydWV9.c2lnbmF0dXJl");
        await page.ClickAsync("#sign-in");
        Assert.Contains("malformed, forged, expired or revoked", await page.InnerTextAsync("#error"));
        await ConsoleSilo.ScreenshotAsync(page, "sign-in-refused");
        await context.CloseAsync();
    }

    // Chromium normalizes a datetime-local value (no trailing zeros in the fraction, no ":00" seconds) and Playwright
    // refuses a fill whose value comes back different, so the value is written the way the browser writes it.
    private static string DateTimeLocal(DateTime t)
    {
        var value = t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        if (t.Second != 0 || t.Millisecond != 0)
            value += t.ToString(":ss", CultureInfo.InvariantCulture);
        if (t.Millisecond != 0)
            value += ("." + t.ToString("fff", CultureInfo.InvariantCulture)).TrimEnd('0');
        return value;
    }
}
