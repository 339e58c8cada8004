using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Accreditation's happy path, on a silo whose rule set makes four talent teams outstanding.</summary>
/// <remarks>
/// Under the default rules an outstanding score needs enterprises that progressed in the evaluated (past) year, and the API can only
/// admit enterprises today; a configured rule set (as DESIGN.md intends) lets the test reach the threshold through talent teams alone.
/// </remarks>
public sealed class ParksAccreditationTests
{
    [Fact]
    public async Task OfficerAccreditsAParkWithAnOutstandingEvaluationOnce()
    {
        using var folder = new TempFolder();
        await using var silo = SiloFactory.WithDataDirectory(Path.Combine(folder.Path, "data"), ("Cases:Auth:DevMode", "false"));
        // UseSetting reaches the configuration before the silo reads its rule set; a late in-memory source would not.
        await using var factory = silo.WithWebHostBuilder(b => b.UseSetting("Cases:Rules:Version", "test-40").UseSetting("Cases:Rules:ParkOutstandingScore", "40"));
        var officer = factory.CreateClient();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            factory.Services.GetRequiredService<TokenService>().Issue(Roles.Officer, "wang", TimeSpan.FromHours(1)));
        var parkKey = NewId("park");
        foreach (var team in new[] { "optics", "biotech", "robotics", "materials" })
            Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"/parks/{parkKey}/talent-teams", new { teamName = team, attractedOn = $"{ThisYear - 1}-03-01" })).StatusCode);
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"/parks/{parkKey}/evaluations", new { year = ThisYear - 1 })).StatusCode);

        var accredited = await officer.PostAsync($"/parks/{parkKey}/accreditation", null);
        var again = await officer.PostAsync($"/parks/{parkKey}/accreditation", null);

        Assert.Equal(["ParkAccredited"], await EventTypesAsync(accredited));
        Assert.Empty(await EventTypesAsync(again));
        var park = await JsonAsync(await officer.GetAsync($"/parks/{parkKey}"));
        var accreditation = park.GetProperty("state").GetProperty("accreditation");
        Assert.Equal(40, accreditation.GetProperty("score").GetInt32());
        Assert.Equal("test-40", accreditation.GetProperty("ruleSetVersion").GetString());
    }
}
