using System.Net;
using System.Text.RegularExpressions;
using Cases.Journal.Storage;
using Cases.Silo.Auth;
using Cases.Silo.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.WebConsole;

/// <summary>An auditor reaches any case, its trace and its access log through links that keep the reason given.</summary>
[Collection(ConsoleSiloCollection.Name)]
public sealed partial class AuditNavigationTests(ApiSilo silo)
{
    [Fact]
    public async Task EveryEventLinksToItsTraceAndTheCaseLinksToItsAccessLogAndBack()
    {
        var applicant = NewId("P");
        await ApprovedPermitAsync(silo, applicant, NewId("district"));
        var events = await silo.Factory.Services.GetRequiredService<IEventStore>().ReadStreamAsync($"applicant/{applicant}", 1, long.MaxValue).ToListAsync();
        var auditor = await silo.SignInToConsoleAsync(Roles.Auditor, "sun");
        var reason = Uri.EscapeDataString(NewId("navigation audit"));

        var page = await auditor.PageAsync($"/console/audit/applicant/{applicant}?reason={reason}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var traces = Hrefs(page.Html, "trace");
        Assert.Equal(PayloadCell().Matches(page.Html).Count, traces.Count);
        Assert.All(events, e => Assert.Contains($"/console/audit/applicant/{applicant}?reason={reason}&trace={e.EventId}", traces));
        var accessLog = Assert.Single(Hrefs(page.Html, "access-log-link"));
        Assert.Equal($"/console/audit/access/{applicant}", accessLog);
        var log = await auditor.PageAsync(accessLog);
        Assert.Equal(HttpStatusCode.OK, log.Status);
        Assert.Contains(Uri.UnescapeDataString(reason), log.Html, StringComparison.Ordinal);
        var back = Assert.Single(Hrefs(log.Html, "case-link"));
        Assert.Equal($"/console/audit/applicant/{applicant}", back);
        Assert.Contains("give a reason to read it", (await auditor.PageAsync(back)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficersCasePageHasTraceLinksButNoAccessLogLink()
    {
        var applicant = NewId("P");
        await ApprovedPermitAsync(silo, applicant, NewId("district"));
        var officer = await silo.SignInToConsoleAsync(Roles.Officer, "wang");

        var page = await officer.PageAsync($"/console/audit/applicant/{applicant}?reason=queue%20check");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(Hrefs(page.Html, "trace"));
        Assert.Empty(Hrefs(page.Html, "access-log-link"));
    }

    [Fact]
    public async Task ACauseLinksToItsTraceWhoseNodesLinkToTheirCasesAndTheirOwnTraces()
    {
        var applicant = NewId("P");
        var approval = (await ApprovedPermitAsync(silo, applicant, NewId("district"))).GetProperty("eventId").GetString()!;
        var opened = await silo.FirstEventIdAsync($"housing/{applicant}");
        var auditor = await silo.SignInToConsoleAsync(Roles.Auditor, "sun");
        var reason = Uri.EscapeDataString(NewId("why was housing opened"));
        var causeLink = $"/console/audit/applicant/{applicant}?reason={reason}&trace={approval}";

        // The causation index is a read model fed by the streams, so the cause links once the index holds the approval.
        var housing = await PollAsync(() => auditor.PageAsync($"/console/audit/housing/{applicant}?reason={reason}"),
            p => Hrefs(p.Html, "cause").Contains(causeLink), $"a link from housing/{applicant} to its cause's trace");
        var trace = await auditor.PageAsync(causeLink);

        Assert.Equal(HttpStatusCode.OK, housing.Status);
        Assert.Equal(HttpStatusCode.OK, trace.Status);
        var cases = Hrefs(trace.Html, "node-case");
        var ownTraces = Hrefs(trace.Html, "node-trace");
        Assert.Equal(NodeSpan().Matches(trace.Html).Count, cases.Count);
        Assert.Equal(cases.Count, ownTraces.Count);
        Assert.Contains($"/console/audit/applicant/{applicant}?reason={reason}", cases);
        Assert.Contains($"/console/audit/housing/{applicant}?reason={reason}", cases);
        Assert.Contains(causeLink, ownTraces);
        Assert.Contains($"/console/audit/housing/{applicant}?reason={reason}&trace={opened}", ownTraces);
        Assert.Equal(HttpStatusCode.OK, (await auditor.PageAsync($"/console/audit/housing/{applicant}?reason={reason}&trace={opened}")).Status);
    }

    // The hrefs of the anchors with this class or id, HTML-decoded as a browser follows them.
    private static List<string> Hrefs(string html, string classOrId) =>
        Anchor().Matches(html).Where(m => m.Groups["attr"].Value == classOrId).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value)).ToList();

    [GeneratedRegex("<a (?:class|id)=\"(?<attr>[^\"]+)\" href=\"(?<href>[^\"]*)\"")]
    private static partial Regex Anchor();

    [GeneratedRegex("<td><code>")]
    private static partial Regex PayloadCell();

    [GeneratedRegex("<span class=\"node[ \"]")]
    private static partial Regex NodeSpan();
}
