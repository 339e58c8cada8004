using Cases.Domain.Applicants;
using Cases.Domain.ReadModels;
using Cases.Domain.Tests.Applicants;

namespace Cases.Domain.Tests.ReadModels;

/// <summary>Search terms: NFKC and case folding, words for Latin names, whole and bigrams for CJK names, compact keys.</summary>
public sealed class SearchTermsTests
{
    [Fact]
    public void AChineseNameIsIndexedWholeAndByEveryBigram()
    {
        Assert.Equal(["张伟"], SearchTerms.OfName("张伟").Distinct());
        Assert.Equal(["欧阳娜娜", "欧阳", "阳娜", "娜娜"], SearchTerms.OfName("欧阳娜娜"));
    }

    [Fact]
    public void AChineseQueryOfTwoCharactersIsOneTermAndLongerOnesAreBigrams()
    {
        Assert.Equal(["张伟"], SearchTerms.Parse("张伟")!.Terms);
        Assert.Equal(["阳娜", "娜娜"], SearchTerms.Parse("阳娜娜")!.Terms);
        Assert.True(SearchTerms.Parse("欧阳")!.IsMatchedBy(Set(SearchTerms.OfName("欧阳娜娜"))));
        Assert.False(SearchTerms.Parse("张伟")!.IsMatchedBy(Set(SearchTerms.OfName("张三"))));
    }

    [Fact]
    public void LatinNamesAreCaseFoldedWordsAndTheWholeNameWithoutSpaces()
    {
        Assert.Equal(["li", "wei", "liwei"], SearchTerms.OfName("Li WEI"));
        Assert.Equal(["wei", "li"], SearchTerms.Parse("  WEI,  li ")!.Terms);
        Assert.True(SearchTerms.Parse("wei li")!.IsMatchedBy(Set(SearchTerms.OfName("Li Wei"))));
        Assert.True(SearchTerms.Parse("LiWei")!.IsMatchedBy(Set(SearchTerms.OfName("Li Wei"))));
    }

    [Fact]
    public void FullwidthAndCompatibilityFormsFoldToTheirPlainLetters()
    {
        Assert.Equal(SearchTerms.OfName("Li Wei"), SearchTerms.OfName("Ｌｉ　Ｗｅｉ"));
        Assert.Equal(["acme"], SearchTerms.Parse("ＡＣＭＥ")!.Terms);
    }

    [Fact]
    public void MixedScriptNamesSplitAtTheScriptBoundary()
    {
        Assert.Equal(["acme", "机器人", "机器", "器人", "acme机器人"], SearchTerms.OfName("Acme机器人"));
    }

    [Fact]
    public void AnIdentityDocumentTypedWithLowerCaseSpacesAndFullwidthDigitsIsTheTermOfTheDocumentIntakeKeeps()
    {
        var kept = IdentityDocument.Normalize("P-110105199001011234");
        var typed = SearchTerms.Parse(" p 110105 １９９００１０１１２３４ ")!;

        Assert.Equal(SearchTerms.OfKey(kept), typed.Key);
        Assert.Equal("p110105199001011234", typed.Key);
        Assert.True(typed.IsMatchedBy(SearchTerms.OfApplicant(kept, ApplicantProfiles.Baseline())));
    }

    [Fact]
    public void NothingSearchableIsNoQuery()
    {
        Assert.Null(SearchTerms.Parse(" - , ; "));
        Assert.Null(SearchTerms.Parse("\uD800"));
    }

    private static HashSet<string> Set(IEnumerable<string> terms) => new(terms, StringComparer.Ordinal);
}
