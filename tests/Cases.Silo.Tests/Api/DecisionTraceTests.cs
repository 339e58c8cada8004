using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Cases.Grains.Streams;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Issue 15: one trace follows a permit approval from its request through the decision streams into the housing grains.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class DecisionTraceTests(ApiSilo silo)
{
    [Fact]
    public async Task PermitApprovalTraceCoversHousingEffects()
    {
        using var recorded = new RecordedActivities(CasesTracing.SourceName);
        var district = NewId("district");
        Assert.Equal(200, (int)(await silo.Officer().PostAsJsonAsync($"/housing-offices/{district}/units", new { unitIds = new[] { "t-1" } })).StatusCode);
        var (key, applicant) = await RecognisedApplicantAsync(silo, district);
        Assert.Equal(200, (int)(await applicant.PostAsJsonAsync($"/applicants/{key}/permits", new { permitId = "rp-1", employerReference = "EMP-1" })).StatusCode);
        // The approval request arrives with a trace of its own (as from a traced caller), so its trace id is known here.
        var traceId = ActivityTraceId.CreateRandom();
        var approve = new HttpRequestMessage(HttpMethod.Post, $"/applicants/{key}/permits/rp-1/approve")
        {
            Content = JsonContent.Create(new { reason = "Art. 4 met" }),
            Headers = { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } },
        };
        Assert.Equal(200, (int)(await silo.Officer().SendAsync(approve)).StatusCode);

        // The unit's allocation reaches the housing case through the office: a second hop, delivered after an event the first hop stored.
        await EventuallyAsync(() => applicant.GetAsync($"/housing/{key}"), h => h.GetProperty("state").GetProperty("unitId").ValueKind == JsonValueKind.String);
        var deliveries = await recorded.EventuallyAsync(traceId, 3);

        Assert.True(deliveries.Count >= 3, string.Join("\n", recorded.All.Select(a => $"{a.DisplayName} {a.TraceId} {a.ParentId}")) + $"\nwanted {traceId}");
        Assert.Contains(deliveries, a => a.DisplayName.StartsWith("deliver OpenHousingCase to ", StringComparison.Ordinal));
        Assert.Contains(deliveries, a => a.DisplayName.StartsWith("deliver AllocateTransitionalUnit to ", StringComparison.Ordinal));
        Assert.Contains(deliveries, a => a.DisplayName.StartsWith("deliver RecordUnitAllocation to ", StringComparison.Ordinal));
    }
}
