using System.Net;
using Cases.Silo.Auth;
using Cases.Silo.Tests.Api;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.WebConsole;

/// <summary>The audit pages show an applicant's case, or a trace across it, only with a reason, and record one read per applicant per page.</summary>
[Collection(ConsoleSiloCollection.Name)]
public sealed class CasePageAccessRecordTests(ApiSilo silo)
{
    [Theory]
    [InlineData("applicant")]
    [InlineData("housing")]
    public async Task AnApplicantsCaseWithAReasonRecordsOneReadAndWithoutOneShowsAndRecordsNothing(string type)
    {
        var applicant = NewId("P");
        await ApprovedPermitAsync(silo, applicant, NewId("district"));
        var firstEvent = await silo.FirstEventIdAsync($"{type}/{applicant}");
        var auditor = await silo.SignInToConsoleAsync(Roles.Auditor, "sun");
        var before = await silo.AccessRecordsAsync(applicant);
        var reason = NewId("complaint review");

        var blind = await auditor.PageAsync($"/console/audit/{type}/{applicant}");
        var afterBlind = await silo.AccessRecordsAsync(applicant);
        var reasoned = await auditor.PageAsync($"/console/audit/{type}/{applicant}?reason={Uri.EscapeDataString(reason)}");

        Assert.Equal(HttpStatusCode.OK, blind.Status);
        Assert.Contains("give a reason to read it", blind.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(firstEvent, blind.Html, StringComparison.Ordinal);
        Assert.Equal(before, afterBlind);
        Assert.Equal(HttpStatusCode.OK, reasoned.Status);
        Assert.Contains(firstEvent, reasoned.Html, StringComparison.Ordinal);
        var records = await silo.AccessRecordsAsync(applicant);
        Assert.Equal(before.Count + 1, records.Count);
        Assert.Equal((reason, $"console timeline of {type}/{applicant}"), records[^1]);
    }

    [Theory]
    [InlineData("audit \u202Eweiver")]
    [InlineData("audit\u200B")]
    public async Task AReasonCarryingInvisibleOrBidiCharactersIsRefusedAndRecordsNothing(string reason)
    {
        var applicant = NewId("P");
        await ApprovedPermitAsync(silo, applicant, NewId("district"));
        var auditor = await silo.SignInToConsoleAsync(Roles.Auditor, "sun");
        var before = await silo.AccessRecordsAsync(applicant);

        var page = await auditor.PageAsync($"/console/audit/applicant/{applicant}?reason={Uri.EscapeDataString(reason)}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(before, await silo.AccessRecordsAsync(applicant));
    }

    [Fact]
    public async Task ATraceOnAnApplicantsOwnPageRecordsThatApplicantOnce()
    {
        var applicant = NewId("P");
        var approval = (await ApprovedPermitAsync(silo, applicant, NewId("district"))).GetProperty("eventId").GetString()!;
        await silo.FirstEventIdAsync($"housing/{applicant}");
        var auditor = await silo.SignInToConsoleAsync(Roles.Auditor, "sun");
        var reason = NewId("why was housing opened");

        var page = await auditor.PageAsync($"/console/audit/applicant/{applicant}?reason={Uri.EscapeDataString(reason)}&trace={approval}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"housing/{applicant}", page.Html, StringComparison.Ordinal);
        var read = Assert.Single(await silo.AccessRecordsAsync(applicant), r => r.Reason == reason);
        Assert.Contains($"causation trace of event {approval}", read.What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATraceFromAnotherCaseRecordsTheApplicantItCrossesOnceAndWithoutAReasonIsRefused()
    {
        var (applicant, district) = (NewId("P"), NewId("district"));
        var approval = (await ApprovedPermitAsync(silo, applicant, district)).GetProperty("eventId").GetString()!;
        await silo.FirstEventIdAsync($"housing-office/{district}");
        var auditor = await silo.SignInToConsoleAsync(Roles.Auditor, "sun");
        var before = await silo.AccessRecordsAsync(applicant);
        var reason = NewId("office allocation audit");

        var blind = await auditor.PageAsync($"/console/audit/housing-office/{district}?trace={approval}");
        var afterBlind = await silo.AccessRecordsAsync(applicant);
        var reasoned = await auditor.PageAsync($"/console/audit/housing-office/{district}?reason={Uri.EscapeDataString(reason)}&trace={approval}");

        Assert.Equal(HttpStatusCode.BadRequest, blind.Status);
        Assert.DoesNotContain($"applicant/{applicant}", blind.Html, StringComparison.Ordinal);
        Assert.Equal(before, afterBlind);
        Assert.Equal(HttpStatusCode.OK, reasoned.Status);
        Assert.Contains($"applicant/{applicant}", reasoned.Html, StringComparison.Ordinal);
        var read = Assert.Single(await silo.AccessRecordsAsync(applicant), r => r.Reason == reason);
        Assert.Equal($"causation trace of event {approval}", read.What);
    }
}
