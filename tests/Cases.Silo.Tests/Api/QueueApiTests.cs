using System.Net;
using Cases.Silo.Auth;
using Cases.Silo.Tests.WebConsole;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>GET /queue: the officers' queue from its read model, filtered and paged, with a recorded read per listed applicant.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class QueueApiTests(ApiSilo silo)
{
    [Fact]
    public async Task TheQueueListsPendingPermitsOfItsDistrictOldestFirstAndRecordsEachRead()
    {
        string[] applicants = [NewId("P"), NewId("P")];
        foreach (var applicant in applicants)
            await silo.PendingPermitAsync(applicant);
        var reason = NewId("weekly permit review");

        var page = await silo.Officer().WithReason(reason).GetOkAsync("/queue?kind=permit&limit=200");

        var listed = page.GetProperty("applications").EnumerateArray().Select(a => a.GetProperty("applicantKey").GetString()).ToList();
        Assert.Equal(applicants, listed.Where(applicants.Contains));
        var first = page.GetProperty("applications").EnumerateArray().First(a => a.GetProperty("applicantKey").GetString() == applicants[0]);
        Assert.Equal(("permit", "permit-1"), (first.GetProperty("kind").GetString(), first.GetProperty("applicationId").GetString()));
        Assert.All(first.GetProperty("conditions").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean()));
        Assert.NotEmpty(first.GetProperty("conditions").EnumerateArray());
        foreach (var applicant in applicants)
            Assert.Equal("permit application permit-1 in the officers' queue", Assert.Single(await silo.AccessRecordsAsync(applicant), r => r.Reason == reason).What);
    }

    [Fact]
    public async Task AnotherDistrictsQueueAndTheOtherKindListNoneOfThem()
    {
        var applicant = NewId("P");
        await silo.PendingPermitAsync(applicant);

        var elsewhere = await silo.Officer().WithReason("district check").GetOkAsync($"/queue?district={NewId("nowhere")}");
        var households = await silo.Officer().WithReason("district check").GetOkAsync("/queue?kind=household-registration&limit=200");

        Assert.Equal(0, elsewhere.GetProperty("total").GetInt32());
        Assert.DoesNotContain(households.GetProperty("applications").EnumerateArray(), a => a.GetProperty("applicantKey").GetString() == applicant);
    }

    [Theory]
    [InlineData("/queue", "reason-required", null)]
    [InlineData("/queue?kind=visa", "invalid-kind", "x")]
    [InlineData("/queue?limit=0", "invalid-page", "x")]
    [InlineData("/queue?after=-1", "invalid-page", "x")]
    public async Task ABadQueueRequestIsA400ThatSaysWhatIsWrong(string url, string code, string? reason)
    {
        var officer = reason is null ? silo.Officer() : silo.Officer().WithReason(reason);

        var response = await officer.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AParkOperatorMayNotReadTheQueue()
    {
        var response = await silo.As(Roles.Operator, "zgc-01").WithReason("curious").GetAsync("/queue");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
