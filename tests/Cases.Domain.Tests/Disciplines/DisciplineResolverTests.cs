using Cases.Domain.Disciplines;

namespace Cases.Domain.Tests.Disciplines;

/// <summary>What an applicant may write for a discipline: a code or a name, whatever its width, case or spacing; anything else names nothing.</summary>
public sealed class DisciplineResolverTests
{
    private static string? Resolve(string? text) => DisciplineCatalogue.Current.Resolve(text)?.Code;

    [Theory]
    [InlineData("0812")]
    [InlineData("０８１２")] // full-width digits
    [InlineData(" 0812 ")]
    [InlineData("081203")] // a second-level discipline: 计算机应用技术
    [InlineData("081200")]
    [InlineData("计算机科学与技术")]
    [InlineData(" 计算机 科学 与 技术 ")]
    [InlineData("Computer Science and Technology")]
    [InlineData("COMPUTER SCIENCE AND TECHNOLOGY")]
    [InlineData("computer   science & technology")]
    [InlineData("Ｃｏｍｐｕｔｅｒ　Ｓｃｉｅｎｃｅ")] // full-width letters and ideographic space
    [InlineData("Computer-Science")]
    [InlineData("computer science")]
    [InlineData("CS")]
    [InlineData("0812 计算机科学与技术")]
    [InlineData("计算机科学与技术（0812）")]
    public void EveryFormOfComputerScienceResolvesTo0812(string text) => Assert.Equal("0812", Resolve(text));

    [Theory]
    [InlineData("08", "08")]
    [InlineData("工学", "08")]
    [InlineData("Engineering", "08")]
    [InlineData("10", "10")]
    [InlineData("medicine", "10")]
    [InlineData("医学", "10")]
    public void ACategoryResolvesByCodeOrName(string text, string code) => Assert.Equal(code, Resolve(text));

    [Theory]
    [InlineData("临床医学", "1002")] // before the professional 1051 of the same name
    [InlineData("药学", "1007")]
    [InlineData("哲学", "0101")] // before the category 01 of the same name
    [InlineData("law", "0301")]
    [InlineData("Architecture", "0813")]
    [InlineData("工商管理", "1251")] // the professional category (MBA); the academic one is 工商管理学
    [InlineData("工商管理学", "1202")]
    public void ANameSharedByEntriesResolvesToTheAcademicDisciplineFirst(string text, string code) => Assert.Equal(code, Resolve(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-·.")]
    [InlineData("underwater basket weaving")]
    [InlineData("computer sciences")]
    [InlineData("计算机科学与技朮")] // a wrong character
    [InlineData("0834")] // dropped from the 2022 catalogue
    [InlineData("0899")]
    [InlineData("15")]
    [InlineData("081")]
    [InlineData("08120")]
    [InlineData("0812000")]
    [InlineData("080000")] // six digits must name a first-level discipline, not a category
    [InlineData("0701 计算机科学与技术")] // a code and a name that disagree
    public void TextNamingNoEntryResolvesToNothing(string? text) => Assert.Null(Resolve(text));

    [Fact]
    public void TextWithAnUnpairedSurrogateResolvesToNothing() => Assert.Null(Resolve(new string(['\uD800']) + "computer science"));

    [Fact]
    public void SearchingByAliasFindsTheSubjectFirst()
    {
        var found = DisciplineCatalogue.Current.Search("electrical engineering");
        Assert.Equal("0808", found[0].Code);
    }

    [Fact]
    public void SearchingByPartOfANameFindsThoseStartingWithItBeforeThoseHoldingIt()
    {
        var found = DisciplineCatalogue.Current.Search("计算机").Select(d => d.Code).ToList();
        Assert.Equal("0812", found[0]);
        var prefixed = DisciplineCatalogue.Current.Search("信息").Select(d => d.Code).ToList();
        Assert.True(prefixed.IndexOf("0810") < prefixed.IndexOf("0854"), string.Join(",", prefixed)); // 信息与通信工程 before 电子信息
    }

    [Fact]
    public void SearchingForNothingListsTheWholeCatalogue()
    {
        Assert.Equal(DisciplineCatalogue.Current.All, DisciplineCatalogue.Current.Search(" "));
        Assert.Empty(DisciplineCatalogue.Current.Search("xyzzy"));
    }
}
