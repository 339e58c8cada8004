using System.Net.Http.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Intake keys a case by the normalized identity document: width forms and surrounding spaces are the same document, mixed scripts none.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class IdentityDocumentIntakeTests(ApiSilo silo)
{
    [Fact]
    public async Task ADocumentDifferingOnlyByWidthOrSurroundingSpacesIsTheRegisteredCase()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        foreach (var variant in new[] { $" {id} ", Fullwidth(id), $"{id}\u00A0", $"\u3000{id}", $"\t{id}\n" })
        {
            await ProblemAsync(await silo.Anonymous().PostAsJsonAsync("/applicants", Profiles.Eligible(variant)), 409, "already-registered");
            // Only staff doing assisted intake are told which case it is.
            var problem = await ProblemAsync(await silo.Officer().PostAsJsonAsync("/applicants", Profiles.Eligible(variant)), 409, "already-registered");
            Assert.Equal(id, problem.GetProperty("caseId").GetString());
        }
    }

    [Fact]
    public async Task AnIntakeInWidthFormsIsStoredAndAnsweredUnderTheNormalizedDocument()
    {
        var id = NewId("P");

        var created = await JsonAsync(await silo.Anonymous().PostAsJsonAsync("/applicants", Profiles.Eligible($" {Fullwidth(id)} ")), 201);

        Assert.Equal(id, created.GetProperty("caseId").GetString());
        var state = await JsonAsync(await silo.Officer().WithReason("intake check").GetAsync($"/applicants/{id}"));
        Assert.Equal(id, state.GetProperty("state").GetProperty("profile").GetProperty("identityDocument").GetString());
    }

    [Fact]
    public async Task ALookAlikeOfARegisteredDocumentInAnotherScriptIsRefusedNotASecondCase()
    {
        var digits = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await silo.SubmitApplicantAsync(Profiles.Eligible($"PA-{digits}"));

        foreach (var lookAlike in new[] { $"P\u0410-{digits}", $"\u0420\u0410-{digits}", $"\u03A1\u0391-{digits}" })
        {
            var problem = await ProblemAsync(await silo.Anonymous().PostAsJsonAsync("/applicants", Profiles.Eligible(lookAlike)), 400);
            Assert.True(problem.GetProperty("errors").TryGetProperty("identityDocument", out _), problem.ToString());
        }
    }

    [Fact]
    public async Task ADocumentWithInvisibleOrFormatCharactersIsRefused()
    {
        foreach (var hidden in new[] { "\u200B", "\u200D", "\u202E", "\u2066", "\u200E", "\u061C", "\uFEFF", "\u00AD" })
        {
            var problem = await ProblemAsync(await silo.Anonymous().PostAsJsonAsync("/applicants", Profiles.Eligible($"P-{hidden}{Guid.NewGuid():N}")), 400);
            Assert.True(problem.GetProperty("errors").TryGetProperty("identityDocument", out _), $"U+{(int)hidden[0]:X4}: {problem}");
        }
    }

    // Fullwidth forms of ASCII letters, digits and '-' (U+FF01..U+FF5E), which NFKC maps back.
    private static string Fullwidth(string ascii) => string.Concat(ascii.Select(c => c is > ' ' and <= '~' ? (char)(c - 0x21 + 0xFF01) : c));
}
