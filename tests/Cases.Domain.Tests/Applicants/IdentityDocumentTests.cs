using Cases.Domain.Applicants;
using static Cases.Domain.Tests.Applicants.ApplicantProfiles;

namespace Cases.Domain.Tests.Applicants;

public sealed class IdentityDocumentTests
{
    [Theory]
    [InlineData("P-110105199001011234", "P-110105199001011234")]
    [InlineData("\uFF30-110105199001011234", "P-110105199001011234")] // fullwidth P
    [InlineData("P-\uFF11\uFF11\uFF10105199001011234", "P-110105199001011234")] // fullwidth digits
    [InlineData("  P-110105199001011234\u00A0", "P-110105199001011234")]
    public void WidthFormsAndSurroundingSpacesNormalizeToTheSameDocument(string sent, string normalized) =>
        Assert.Equal(normalized, IdentityDocument.Normalize(sent));

    [Theory]
    [InlineData("P-110105199001011234")]
    [InlineData("E12345678")]
    [InlineData("\u519B\u5B57\u7B2C123\u53F7")] // Han letters with ASCII digits
    [InlineData("\u0416\u0416-123456")] // Cyrillic letters that look like no Latin ones
    public void DocumentsOfOneScriptAreAccepted(string document) => Assert.Null(IdentityDocument.Problem(document));

    [Theory]
    [InlineData("P\u0410-110105")] // Latin P, Cyrillic A
    [InlineData("\u0420-110105199001011234")] // Cyrillic Er, which reads as Latin P
    [InlineData("\u0391\u0392-12345")] // Greek Alpha Beta, which read as Latin A B
    [InlineData("P\u200B-110105")] // zero-width space
    [InlineData("P-110\u202E105")] // right-to-left override
    [InlineData("P 110105")]
    [InlineData("P-\u0661\u0662\u0663")] // Arabic-Indic digits
    [InlineData("..")]
    [InlineData("")]
    public void DocumentsMixingScriptsOrHoldingOtherCharactersAreRefused(string document) =>
        Assert.NotNull(IdentityDocument.Problem(document));

    [Fact]
    public void ARegistrationUnderAKeyThatIsNotInNormalFormIsRefused()
    {
        const string key = "\uFF30-110105199001011234";
        var h = new ApplicantHarness(key: key);

        h.Reject(new RegisterApplicant(Baseline() with { IdentityDocument = key }), ApplicantRejections.InvalidIdentityDocument);
    }

    [Fact]
    public void ARegistrationUnderAKeyMixingScriptsIsRefused()
    {
        const string key = "\u0420-110105199001011234";
        var h = new ApplicantHarness(key: key);

        h.Reject(new RegisterApplicant(Baseline() with { IdentityDocument = key }), ApplicantRejections.InvalidIdentityDocument);
    }
}
