using System.Net;
using System.Text.Json;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class AuditTraceTests(ApiSilo silo)
{
    [Fact]
    public async Task TraceFromAPermitApprovalReachesTheHousingCaseAndTheOfficesAllocation()
    {
        var applicant = NewId("P");
        var district = NewId("district");
        var approved = await ApprovedPermitAsync(silo, applicant, district);
        var approvalId = approved.GetProperty("eventId").GetString();
        var auditor = silo.Auditor().WithReason("why was housing opened");

        // The housing case records the office's waitlisting: two stream hops after the approval.
        var trace = await PollAsync(
            () => auditor.GetOkAsync($"/audit/events/{approvalId}/trace"),
            t => Effects(t).Any(e => e.Stream == $"housing/{applicant}" && e.Depth == 2),
            "the approval's effects to reach the housing case through the office");

        Assert.Equal("PermitApproved", trace.GetProperty("event").GetProperty("type").GetString());
        Assert.Empty(trace.GetProperty("causes").EnumerateArray());
        var effects = Effects(trace);
        Assert.Contains(effects, e => e.Stream == $"housing/{applicant}" && e.Depth == 1 && e.CausationId == approvalId);
        var office = Assert.Single(effects, e => e.Stream == $"housing-office/{district}");
        Assert.Equal((1, "ApplicantWaitlisted", approvalId), (office.Depth, office.Type, office.CausationId));
        Assert.Contains(effects, e => e.Stream == $"housing/{applicant}" && e.Depth == 2 && e.CausationId == office.EventId);
        Assert.False(trace.TryGetProperty("truncated", out _));
    }

    [Fact]
    public async Task TraceFromAnEffectWalksUpToThePermitApproval()
    {
        var applicant = NewId("P");
        var district = NewId("district");
        var approvalId = (await ApprovedPermitAsync(silo, applicant, district)).GetProperty("eventId").GetString();
        var officer = silo.Officer().WithReason("tracing the housing decision");
        // The office's stream exists only once the approval has been delivered to it, so wait for its first event.
        var officeTimeline = await PollAsync(
            async () =>
            {
                var response = await officer.GetAsync($"/audit/streams/housing-office/{district}/events");
                return response.StatusCode == HttpStatusCode.OK ? await response.JsonAsync() : (JsonElement?)null;
            },
            t => t is { } body && body.GetProperty("events").GetArrayLength() > 0,
            "the office allocation");
        var waitlisted = officeTimeline!.Value.GetProperty("events")[0];
        var downstream = await PollAsync(
            () => officer.GetOkAsync($"/audit/events/{waitlisted.GetProperty("eventId").GetString()}/trace"),
            t => Effects(t).Count > 0,
            "the housing case to record the waitlisting");

        var cause = Assert.Single(downstream.GetProperty("causes").EnumerateArray());
        Assert.Equal((approvalId, "PermitApproved", $"applicant/{applicant}"),
            (cause.GetProperty("eventId").GetString(), cause.GetProperty("type").GetString(), cause.GetProperty("stream").GetString()));
        Assert.Equal($"housing/{applicant}", Assert.Single(Effects(downstream)).Stream);
    }

    [Fact]
    public async Task TracingAnApplicantsEventNeedsAReasonAndIsRecorded()
    {
        var applicant = NewId("P");
        var approvalId = (await ApprovedPermitAsync(silo, applicant, NewId("district"))).GetProperty("eventId").GetString();

        var withoutReason = await silo.Auditor().GetAsync($"/audit/events/{approvalId}/trace");
        await silo.Auditor().WithReason("subsidy audit").GetOkAsync($"/audit/events/{approvalId}/trace");

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        var records = (await silo.Auditor().GetOkAsync($"/audit/access-records/{applicant}")).GetProperty("records").EnumerateArray();
        Assert.Contains(records, r => r.GetProperty("reason").GetString() == "subsidy audit" && r.GetProperty("what").GetString()!.Contains("trace"));
    }

    [Fact]
    public async Task AnUnknownEventIs404AndAMalformedIdIs400()
    {
        var unknown = await silo.Auditor().GetAsync($"/audit/events/{Guid.NewGuid()}/trace");
        var malformed = await silo.Auditor().GetAsync("/audit/events/not-a-uuid/trace");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task AnApplicantCannotTrace()
    {
        var applicant = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(applicant));
        var registered = (await own.GetOkAsync($"/audit/streams/applicant/{applicant}/events")).GetProperty("events")[0];

        var response = await own.GetAsync($"/audit/events/{registered.GetProperty("eventId").GetString()}/trace");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static List<Effect> Effects(JsonElement trace) =>
        trace.GetProperty("effects").EnumerateArray().Select(x =>
        {
            var e = x.GetProperty("event");
            return new Effect(x.GetProperty("depth").GetInt32(), e.GetProperty("stream").GetString()!, e.GetProperty("type").GetString()!,
                e.GetProperty("eventId").GetString()!, e.GetProperty("causationId").GetString());
        }).ToList();

    private sealed record Effect(int Depth, string Stream, string Type, string EventId, string? CausationId);
}
