using System.Net;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Access records are written for reads of cases that exist: a read of an unknown case is a 404 and leaves none.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class AccessRecordTests(ApiSilo silo)
{
    // Every API read of an applicant's personal data that leaves an access record; {0} is the applicant's key.
    public static TheoryData<string> PersonalDataReads() =>
    [
        "/applicants/{0}",
        "/housing/{0}",
        "/audit/streams/applicant/{0}/events",
        "/audit/streams/housing/{0}/events",
        "/audit/streams/applicant/{0}/state",
        "/audit/streams/housing/{0}/state",
        "/audit/streams/applicant/{0}/export",
        "/audit/streams/housing/{0}/export?format=csv",
    ];

    [Theory]
    [MemberData(nameof(PersonalDataReads))]
    public async Task ReadingAnUnknownApplicantIs404AndLeavesNoAccessRecord(string read)
    {
        var id = NewId("P");

        var response = await silo.Auditor().WithReason("looking for a case").GetAsync(string.Format(read, id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var log = await silo.Auditor().GetOkAsync($"/audit/access-records/{id}");
        Assert.Empty(log.GetProperty("records").EnumerateArray());
    }

    [Theory]
    [InlineData("/housing/{0}")]
    [InlineData("/audit/streams/housing/{0}/events")]
    public async Task ReadingAHousingCaseThatWasNeverOpenedIs404AndLeavesNoAccessRecord(string read)
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var response = await silo.Officer().WithReason("housing check").GetAsync(string.Format(read, id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var log = await silo.Auditor().GetOkAsync($"/audit/access-records/{id}");
        Assert.Empty(log.GetProperty("records").EnumerateArray());
    }
}
