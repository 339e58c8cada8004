using System.Security.Claims;
using Cases.Domain.Rules;
using Cases.Silo.Api;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Silo.Tests.Api;

/// <summary>The dates the API checks are the city's (UTC+8), also in the hours when UTC is still on the day before.</summary>
/// <remarks>The handler is called with its own clock: the silo's clock is Orleans' too, and Orleans declares a silo whose clock jumps dead.</remarks>
[Collection(ApiSiloCollection.Name)]
public sealed class CityDateTests(ApiSilo silo)
{
    [Fact]
    public async Task ATalentTeamAttractedTodayIsAcceptedAtHalfPastSevenInTheMorning()
    {
        var clock = new CityClock(new CityMorningClock(), new RuleSet());
        var today = clock.Today;
        var grains = silo.Factory.Services.GetRequiredService<ProgrammeGrains>();
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Officer), new Claim(Roles.SubjectClaim, "wang")], "test")),
        };

        var answer = await ParksApi.RecordTalentTeam($"park-{Guid.NewGuid():N}", new TalentTeamRequest("Dawn shift", today), http, grains, clock);

        Assert.IsType<Ok<CommandAnswer>>(answer.Result);
    }

    // Stands still at the latest 23:30 UTC: 07:30 in the city, whose date is already UTC's next; never ahead of the grains' own clock.
    private sealed class CityMorningClock : TimeProvider
    {
        private readonly DateTimeOffset _now = Latest(DateTimeOffset.UtcNow);

        public override DateTimeOffset GetUtcNow() => _now;

        private static DateTimeOffset Latest(DateTimeOffset now)
        {
            var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(23.5);
            return today <= now ? today : today.AddDays(-1);
        }
    }
}
