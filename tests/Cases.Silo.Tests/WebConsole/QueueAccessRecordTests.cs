using System.Net;
using Cases.Silo.Auth;
using Cases.Silo.Tests.Api;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.WebConsole;

/// <summary>The officer's work queue shows applicants' personal data only with a reason, and records one read per applicant shown.</summary>
[Collection(ConsoleSiloCollection.Name)]
public sealed class QueueAccessRecordTests(ApiSilo silo)
{
    [Fact]
    public async Task TheQueueWithAReasonRecordsOneReadPerApplicantShownAndWithoutOneShowsAndRecordsNone()
    {
        string[] applicants = [NewId("P"), NewId("P")];
        foreach (var applicant in applicants)
            await silo.PendingPermitAsync(applicant);
        var officer = await silo.SignInToConsoleAsync(Roles.Officer, "wang");
        var reason = NewId("weekly permit review");

        var blind = await officer.PageAsync("/console/queue");
        var reasoned = await officer.PageAsync($"/console/queue?reason={Uri.EscapeDataString(reason)}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (blind.Status, reasoned.Status));
        Assert.Empty(ConsoleSteps.ShownApplicants(blind.Html));
        var shown = ConsoleSteps.ShownApplicants(reasoned.Html);
        Assert.Subset(shown.ToHashSet(), applicants.ToHashSet());
        foreach (var applicant in shown)
        {
            var read = Assert.Single(await silo.AccessRecordsAsync(applicant), r => r.Reason == reason);
            Assert.Equal("permit application permit-1 in the work queue", read.What);
        }
        // The load without a reason left nothing: each of these applicants was read once, by the load with one.
        foreach (var applicant in applicants)
            Assert.Single(await silo.AccessRecordsAsync(applicant));
    }
}
