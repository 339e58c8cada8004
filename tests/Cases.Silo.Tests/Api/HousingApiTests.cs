using System.Net.Http.Json;
using System.Text.Json;
using Cases.Domain;
using Cases.Silo.Api;
using Microsoft.Extensions.DependencyInjection;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Housing cases over HTTP (item 10; Art. 23): opened by a permit approval, personal data behind an access record, long-term choice.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class HousingApiTests(ApiSilo silo)
{
    // The city's date, not UTC's: from 16:00 UTC Shanghai is already a day ahead, and a start before the city's today is refused.
    private string Today => silo.Factory.Services.GetRequiredService<CityClock>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ApprovedPermitGivesTheApplicantAUnitTheyCanSee()
    {
        var district = await OfficeWithUnitsAsync("u-1");

        var (key, applicant) = await HousedApplicantAsync(district);

        var housing = await EventuallyAsync(() => applicant.GetAsync($"/housing/{key}"), h => h.GetProperty("state").GetProperty("unitId").ValueKind == JsonValueKind.String);
        Assert.Equal("u-1", housing.GetProperty("state").GetProperty("unitId").GetString());
        Assert.Equal(district, housing.GetProperty("state").GetProperty("district").GetString());
    }

    [Fact]
    public async Task OfficerReadsAHousingCaseOnlyWithAReasonAndTheReadIsRecorded()
    {
        var district = await OfficeWithUnitsAsync("u-1");
        var (key, applicant) = await HousedApplicantAsync(district);
        await EventuallyAsync(() => applicant.GetAsync($"/housing/{key}"), _ => true);
        var officer = silo.Officer();

        await ProblemAsync(await officer.GetAsync($"/housing/{key}"), 400, "reason-required");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/housing/{key}") { Headers = { { "X-Access-Reason", "checking allocation complaint" } } };
        await JsonAsync(await officer.SendAsync(request));

        var grains = silo.Factory.Services.GetRequiredService<ProgrammeGrains>();
        var (log, _) = await grains.AccessLog(key).GetState();
        Assert.Equal(1, log.Reads);
    }

    [Fact]
    public async Task OthersCannotReadSomeonesHousingCase()
    {
        var district = await OfficeWithUnitsAsync("u-1");
        var (key, _) = await HousedApplicantAsync(district);
        var (_, otherApplicant) = await RecognisedApplicantAsync(silo);

        await ProblemAsync(await otherApplicant.GetAsync($"/housing/{key}"), 403, "forbidden");
        await ProblemAsync(await silo.As("operator", "zgc-01").GetAsync($"/housing/{key}"), 403, "forbidden");
    }

    [Fact]
    public async Task HousingCaseBeforeAPermitIs404()
    {
        var (key, applicant) = await RecognisedApplicantAsync(silo);

        await ProblemAsync(await applicant.GetAsync($"/housing/{key}"), 404, "not-found");
        await ProblemAsync(await applicant.PostAsJsonAsync($"/housing/{key}/long-term", new { kind = "RentalSubsidy" }), 404, "not-found");
    }

    [Fact]
    public async Task ApplicantChoosesLongTermHousingFromTheEndOfTheTransitionalTerm()
    {
        var district = await OfficeWithUnitsAsync("u-1");
        var (key, applicant) = await HousedApplicantAsync(district);
        var housing = await EventuallyAsync(() => applicant.GetAsync($"/housing/{key}"), _ => true);
        var from = housing.GetProperty("state").GetProperty("rentalSubsidyFrom").GetString();

        await ProblemAsync(await applicant.PostAsJsonAsync($"/housing/{key}/long-term", new { kind = "TalentApartment" }), 409, "too-early");
        var chosen = await applicant.PostAsJsonAsync($"/housing/{key}/long-term", new { kind = "TalentApartment", startsOn = from });

        Assert.Equal(["LongTermHousingChosen"], await EventTypesAsync(chosen));
        var after = await JsonAsync(await applicant.GetAsync($"/housing/{key}"));
        Assert.Equal("TalentApartment", after.GetProperty("state").GetProperty("longTerm").GetString());
    }

    [Fact]
    public async Task LongTermChoiceErrorsAreNamedByField()
    {
        var (key, applicant) = await RecognisedApplicantAsync(silo);

        await FieldErrorsAsync(await applicant.PostAsJsonAsync($"/housing/{key}/long-term", new { kind = 7, startsOn = "2001-01-01" }), "kind", "startsOn");
        await FieldErrorsAsync(await applicant.PostAsJsonAsync($"/housing/{key}/long-term", new { startsOn = Today }), "kind");
        var unknownName = await applicant.PostAsJsonAsync($"/housing/{key}/long-term", new { kind = "Castle" });
        Assert.StartsWith("$.kind", (await ProblemAsync(unknownName, 400, "malformed-json")).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OnlyTheApplicantChoosesTheirLongTermHousing()
    {
        var (key, _) = await RecognisedApplicantAsync(silo);
        var (_, other) = await RecognisedApplicantAsync(silo);

        await ProblemAsync(await other.PostAsJsonAsync($"/housing/{key}/long-term", new { kind = "RentalSubsidy" }), 403, "forbidden");
        await ProblemAsync(await silo.Officer().PostAsJsonAsync($"/housing/{key}/long-term", new { kind = "RentalSubsidy" }), 403);
        await ProblemAsync(await silo.Auditor().PostAsJsonAsync($"/housing/{key}/long-term", new { kind = "RentalSubsidy" }), 403);
    }

    [Fact]
    public async Task AdminAddsUnitsAndOfficersAndAuditorsSeeThem()
    {
        var district = NewId("district");

        var added = await silo.Admin().PostAsJsonAsync($"/housing-offices/{district}/units", new { unitIds = new[] { "a-101", "a-102" } });

        Assert.Equal(["TransitionalUnitsAdded"], await EventTypesAsync(added));
        foreach (var reader in new[] { silo.Officer(), silo.Auditor(), silo.Admin() })
        {
            var office = await JsonAsync(await reader.GetAsync($"/housing-offices/{district}"));
            Assert.Equal(["a-101", "a-102"], office.GetProperty("state").GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetString()));
        }
    }

    [Fact]
    public async Task UnitErrorsAre400AndAKnownUnitIs409()
    {
        var district = await OfficeWithUnitsAsync("b-1");
        var officer = silo.Officer();

        await FieldErrorsAsync(await officer.PostAsJsonAsync($"/housing-offices/{district}/units", new { unitIds = Array.Empty<string>() }), "unitIds");
        await FieldErrorsAsync(await officer.PostAsJsonAsync($"/housing-offices/{district}/units", new { unitIds = new[] { "b-2", "b-2" } }), "unitIds");
        await FieldErrorsAsync(await officer.PostAsJsonAsync($"/housing-offices/{district}/units", new { unitIds = new[] { "ok", " ", new string('x', 129) } }), "unitIds[1]", "unitIds[2]");
        await ProblemAsync(await officer.PostAsJsonAsync($"/housing-offices/{district}/units", new { unitIds = new[] { "b-1" } }), 409, "unit-exists");
    }

    [Fact]
    public async Task UnknownOfficeIs404()
    {
        var district = NewId("district");

        await ProblemAsync(await silo.Auditor().GetAsync($"/housing-offices/{district}"), 404, "not-found");
        await ProblemAsync(await silo.Officer().PostAsync($"/housing-offices/{district}/expired-terms", null), 404, "not-found");
    }

    [Fact]
    public async Task OfficerEndsExpiredTermsWhenNoneHaveEnded()
    {
        var district = await OfficeWithUnitsAsync("c-1");

        var ended = await silo.Officer().PostAsync($"/housing-offices/{district}/expired-terms", null);

        Assert.Empty(await EventTypesAsync(ended));
    }

    [Fact]
    public async Task AuditorsAndOperatorsCannotManageOffices()
    {
        var district = await OfficeWithUnitsAsync("d-1");

        await ProblemAsync(await silo.Auditor().PostAsJsonAsync($"/housing-offices/{district}/units", new { unitIds = new[] { "d-2" } }), 403);
        await ProblemAsync(await silo.Auditor().PostAsync($"/housing-offices/{district}/expired-terms", null), 403);
        await ProblemAsync(await silo.Admin().PostAsync($"/housing-offices/{district}/expired-terms", null), 403);
        await ProblemAsync(await silo.As("operator", "zgc-01").GetAsync($"/housing-offices/{district}"), 403);
        var office = await JsonAsync(await silo.Officer().GetAsync($"/housing-offices/{district}"));
        Assert.Equal(1, office.GetProperty("state").GetProperty("units").GetArrayLength());
    }

    private async Task<string> OfficeWithUnitsAsync(params string[] unitIds)
    {
        var district = NewId("district");
        var added = await silo.Officer().PostAsJsonAsync($"/housing-offices/{district}/units", new { unitIds });
        Assert.Equal(200, (int)added.StatusCode);
        return district;
    }

    // Recognition, a permit application with an employer's certificate, and an officer's approval, which the streams turn into housing.
    private async Task<(string Key, HttpClient Client)> HousedApplicantAsync(string district)
    {
        var (key, applicant) = await RecognisedApplicantAsync(silo, district);
        Assert.Equal(200, (int)(await applicant.PostAsJsonAsync($"/applicants/{key}/permits", new { permitId = "rp-1", employerReference = "EMP-1" })).StatusCode);
        Assert.Equal(200, (int)(await silo.Officer().PostAsJsonAsync($"/applicants/{key}/permits/rp-1/approve", new { reason = "Art. 4 met" })).StatusCode);
        return (key, applicant);
    }
}
