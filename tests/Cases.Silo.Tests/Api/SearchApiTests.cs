using System.Net;
using Cases.Domain.Applicants;
using Cases.Grains.Contracts;
using Microsoft.Extensions.DependencyInjection;
using static Cases.Silo.Tests.Api.AuditSteps;
using static Cases.Silo.Tests.Api.SearchSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>GET /search: by name (Chinese whole or by bigram, Latin by word), identity document, enterprise name and park; verified against current state; a recorded personal-data read.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class SearchApiTests(ApiSilo silo)
{
    [Fact]
    public async Task AChineseNameFindsTheApplicantRegisteredUnderItAndNotAnother()
    {
        var zhangWei = await ApplicantNamedAsync(silo, "张伟");
        var zhangSan = await ApplicantNamedAsync(silo, "张三");
        await SearchUntilAsync(silo, "张三", keys => keys.Contains(zhangSan), "张三 in the index");

        var found = await SearchUntilAsync(silo, "张伟", keys => keys.Contains(zhangWei), "张伟 in the index");

        Assert.DoesNotContain(zhangSan, Keys(found));
        var hit = found.GetProperty("results").EnumerateArray().First(r => r.GetProperty("key").GetString() == zhangWei);
        Assert.Equal(("applicant", "张伟", "haidian"), (hit.GetProperty("kind").GetString(), hit.GetProperty("name").GetString(), hit.GetProperty("district").GetString()));
        Assert.Equal($"/applicants/{zhangWei}", hit.GetProperty("href").GetString());
    }

    [Fact]
    public async Task TwoCharactersOfALongerChineseNameFindIt()
    {
        var key = await ApplicantNamedAsync(silo, "欧阳娜娜");

        await SearchUntilAsync(silo, "欧阳", keys => keys.Contains(key), "欧阳 finding 欧阳娜娜");
        var byGivenName = await SearchAsync(silo, "娜娜");

        Assert.Contains(key, Keys(byGivenName));
    }

    [Fact]
    public async Task AnIdentityDocumentTypedInLowerCaseWithSpacesFindsItsCaseFirst()
    {
        var key = await ApplicantNamedAsync(silo, "Li Wei");
        var typed = $" {key[..10].ToLowerInvariant()} {key[10..].ToLowerInvariant()} ";

        var found = await SearchUntilAsync(silo, typed, keys => keys.Contains(key), "the document in the index");

        var first = found.GetProperty("results")[0];
        Assert.Equal(key, first.GetProperty("key").GetString());
        Assert.True(first.GetProperty("exactKey").GetBoolean());
    }

    [Fact]
    public async Task AnEnterpriseIsFoundByAWordOfItsName()
    {
        var word = UniqueWord("Zephyr");
        var id = await EnterpriseNamedAsync(silo, $"{word} Photonics Ltd");

        var found = await SearchUntilAsync(silo, word.ToUpperInvariant(), keys => keys.Contains(id), "the enterprise in the index");

        var hit = found.GetProperty("results").EnumerateArray().Single();
        Assert.Equal(("enterprise", $"{word} Photonics Ltd"), (hit.GetProperty("kind").GetString(), hit.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task AParkIsFoundByItsKeyBeforeTheEnterprisesItIncubates()
    {
        var (enterprise, parkKey, _) = await ProgrammeSteps.EnterpriseInParkAsync(silo);

        var found = await SearchUntilAsync(silo, parkKey, keys => keys.Contains(parkKey) && keys.Contains(enterprise), "the park and its enterprise in the index");

        var first = found.GetProperty("results")[0];
        Assert.Equal(("park", parkKey, true), (first.GetProperty("kind").GetString(), first.GetProperty("key").GetString(), first.GetProperty("exactKey").GetBoolean()));
        var incubated = found.GetProperty("results")[1];
        Assert.Equal((enterprise, parkKey), (incubated.GetProperty("key").GetString(), incubated.GetProperty("park").GetString()));
    }

    [Fact]
    public async Task ARenamedApplicantIsFoundByTheNewNameAndNotTheOld()
    {
        var (before, after) = (UniqueWord("Oldname"), UniqueWord("Newname"));
        var key = await ApplicantNamedAsync(silo, $"{before} Chen");
        await SearchUntilAsync(silo, before, keys => keys.Contains(key), "the first name in the index");
        var applicant = silo.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IApplicantGrain>(key);
        var profile = (await applicant.GetState()).State.Profile!;

        Assert.Null((await applicant.Execute(new UpdateProfile(profile with { Name = $"{after} Chen" }))).Rejection);

        await SearchUntilAsync(silo, after, keys => keys.Contains(key), "the new name in the index");
        var byOldName = await SearchAsync(silo, before);
        Assert.Empty(Keys(byOldName));
        // The old name's posting is still there: the search found the candidate and verified it away.
        Assert.Equal(1, byOldName.GetProperty("candidates").GetInt32());
    }

    [Fact]
    public async Task TheLiveIndexEqualsARebuildFromTheLog()
    {
        var word = UniqueWord("Rebuilt");
        var key = await ApplicantNamedAsync(silo, $"{word} 欧阳娜娜");
        await SearchUntilAsync(silo, word, keys => keys.Contains(key), "the applicant in the index");

        var report = await silo.Admin().PostOkAsync("/read-models/rebuild?compareOnly=true", new { });

        var index = report.GetProperty("readModels").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "search-index");
        Assert.True(index.GetProperty("partitions").GetInt32() > 0);
        Assert.Empty(index.GetProperty("differing").EnumerateArray());
    }

    [Fact]
    public async Task WithoutAReasonASearchIs400AndRecordsNothing()
    {
        var name = UniqueWord("Noreason");
        var key = await ApplicantNamedAsync(silo, name);
        await SearchUntilAsync(silo, name, keys => keys.Contains(key), "the applicant in the index");
        var recorded = (await silo.Auditor().GetOkAsync($"/audit/access-records/{key}")).GetProperty("records").GetArrayLength();

        var response = await silo.Officer().GetAsync($"/search?q={name}");

        await ProgrammeSteps.ProblemAsync(response, 400, "reason-required");
        var log = await silo.Auditor().GetOkAsync($"/audit/access-records/{key}");
        Assert.Equal(recorded, log.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task EachListedApplicantHasTheSearchRecordedWithItsReason()
    {
        var word = UniqueWord("Recorded");
        var first = await ApplicantNamedAsync(silo, $"{word} Wang");
        var second = await ApplicantNamedAsync(silo, $"Zhao {word}");
        await SearchUntilAsync(silo, word, keys => keys.Contains(first) && keys.Contains(second), "both applicants in the index");

        await SearchAsync(silo, word, "checking a complaint");

        foreach (var key in new[] { first, second })
        {
            var records = (await silo.Auditor().GetOkAsync($"/audit/access-records/{key}")).GetProperty("records").EnumerateArray().ToList();
            Assert.Contains(records, r => r.GetProperty("reason").GetString() == "checking a complaint"
                && r.GetProperty("what").GetString() == $"staff search for \"{word.ToLowerInvariant()}\"" && r.GetProperty("role").GetString() == "officer");
        }
    }

    [Fact]
    public async Task ASearchByIdentityDocumentRecordsOnlyThatItWasOne()
    {
        var key = await ApplicantNamedAsync(silo, "Li Wei");
        await SearchUntilAsync(silo, key, keys => keys.Contains(key), "the document in the index");

        var records = (await silo.Auditor().GetOkAsync($"/audit/access-records/{key}")).GetProperty("records").EnumerateArray().ToList();

        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal("staff search by identity document or case key", r.GetProperty("what").GetString()));
    }

    [Fact]
    public async Task OperatorsAndApplicantsMayNotSearch()
    {
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(NewId("P")));
        own.WithReason("curious");

        Assert.Equal(HttpStatusCode.Forbidden, (await silo.As("operator", "zgc-01").WithReason("curious").GetAsync("/search?q=li")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync("/search?q=li")).StatusCode);
    }

    [Theory]
    [InlineData("/search?q=")]
    [InlineData("/search?q=%20-%20")]
    [InlineData("/search?q=li&limit=0")]
    [InlineData("/search?q=li&limit=51")]
    public async Task AnEmptyQueryOrABadLimitIs400(string url)
    {
        var response = await silo.Auditor().WithReason("search test").GetAsync(url);

        var problem = await ProgrammeSteps.ProblemAsync(response, 400);
        Assert.StartsWith("invalid-", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ATooLongQueryIs400()
    {
        var response = await silo.Admin().WithReason("search test").GetAsync($"/search?q={new string('a', 201)}");

        await ProgrammeSteps.ProblemAsync(response, 400, "invalid-query");
    }
}
