using Cases.Silo.Auth;
using Microsoft.Playwright;

namespace Cases.Console.Tests;

/// <summary>An officer in the browser: the queue of pending permit applications, with rule evaluation and decisions.</summary>
[Collection(ConsoleSiloCollection.Name)]
public sealed class OfficerQueueConsoleTests(ConsoleSilo silo)
{
    [Fact]
    public async Task OfficerApprovesAnApplicationInTheQueueAndTheHousingCaseAppears()
    {
        var applicant = await silo.ApplicantWithPendingPermitAsync();
        var page = await silo.SignInAsync(Roles.Officer, "wang");
        Assert.EndsWith("/console/queue", page.Url);
        Assert.Equal(0, await page.Locator("section.application").CountAsync());

        await page.FillAsync("#access-reason", "daily permit queue");
        await page.ClickAsync("#show-queue");
        var application = page.Locator($"#app-{applicant}");
        Assert.Contains("passed", await application.Locator("table.conditions").InnerTextAsync());
        await ConsoleSilo.ScreenshotAsync(page, "officer-queue");

        var approve = application.Locator("form:has(button.approve)");
        await approve.Locator("input.decision-reason").FillAsync("All conditions met; documents checked.");
        await approve.Locator("button.approve").ClickAsync();
        Assert.Contains($"Permit permit-1 of {applicant} approved.", await page.InnerTextAsync("#notice"));
        Assert.Equal(0, await page.Locator($"#app-{applicant}").CountAsync());

        // Housing opens on the PermitApproved stream asynchronously: poll the case page with a bounded deadline.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string state = "";
        while (DateTime.UtcNow < deadline)
        {
            await page.GotoAsync($"/console/audit/housing/{applicant}?reason={Uri.EscapeDataString("check housing opened")}");
            state = await page.Locator("#state").CountAsync() > 0 ? await page.InnerTextAsync("#state") : "";
            if (state.Contains("permit-1", StringComparison.Ordinal))
                break;
            await Task.Delay(200);
        }
        Assert.Contains("\"PermitId\": \"permit-1\"", state);
        await ConsoleSilo.ScreenshotAsync(page, "officer-housing-case");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ApprovingWithoutAReasonLeavesTheApplicationPending()
    {
        var applicant = await silo.ApplicantWithPendingPermitAsync();
        var page = await silo.SignInAsync(Roles.Officer, "li");
        await page.GotoAsync($"/console/queue?reason={Uri.EscapeDataString("queue check")}");
        var approve = page.Locator($"#app-{applicant} form:has(button.approve)");
        // The browser's own "required" check is bypassed so the server's answer is what is tested.
        await approve.EvaluateAsync("f => { f.noValidate = true; }");
        await approve.Locator("button.approve").ClickAsync();
        Assert.StartsWith("Not decided", await page.InnerTextAsync("#notice"));
        Assert.Equal(1, await page.Locator($"#app-{applicant}").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OperatorCannotOpenTheOfficersQueue()
    {
        var page = await silo.SignInAsync(Roles.Operator, $"park-{Guid.NewGuid():N}");
        var response = await page.GotoAsync("/console/queue?reason=curious");
        Assert.Equal(403, response!.Status);
        await page.Context.CloseAsync();
    }
}
