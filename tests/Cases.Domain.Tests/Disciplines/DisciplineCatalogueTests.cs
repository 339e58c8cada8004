using Cases.Domain.Disciplines;

namespace Cases.Domain.Tests.Disciplines;

/// <summary>The shipped 2022 catalogue: every category, first-level discipline and professional degree category, once each.</summary>
public sealed class DisciplineCatalogueTests
{
    private static readonly DisciplineCatalogue Catalogue = DisciplineCatalogue.Current;

    [Fact]
    public void TheCatalogueIsThe2022OneAndNamesItsSource()
    {
        Assert.Equal("2022", Catalogue.Version);
        Assert.Equal("研究生教育学科专业目录（2022年）", Catalogue.Title);
        Assert.Contains("Academic Degrees Committee of the State Council and Ministry of Education", Catalogue.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void ItHolds14Categories117FirstLevelDisciplinesAnd67ProfessionalDegreeCategories()
    {
        Assert.Equal(14, Catalogue.All.Count(d => d.Kind == DisciplineKind.Category));
        Assert.Equal(117, Catalogue.All.Count(d => d.Kind == DisciplineKind.Academic));
        Assert.Equal(67, Catalogue.All.Count(d => d.Kind == DisciplineKind.Professional));
    }

    [Fact]
    public void CategoriesRunFrom01PhilosophyTo14InterdisciplinaryStudies()
    {
        var categories = Catalogue.All.Where(d => d.Kind == DisciplineKind.Category).ToList();
        Assert.Equal([.. Enumerable.Range(1, 14).Select(i => i.ToString("D2"))], categories.Select(c => c.Code));
        Assert.Equal(("哲学", "Philosophy"), (categories[0].Chinese, categories[0].English));
        Assert.Equal(("交叉学科", "Interdisciplinary Studies"), (categories[^1].Chinese, categories[^1].English));
    }

    [Fact]
    public void EverySubjectHasAFourDigitCodeUnderAKnownCategoryAndBothNames()
    {
        foreach (var d in Catalogue.All.Where(d => d.Kind != DisciplineKind.Category))
        {
            Assert.Matches("^[0-9]{4}$", d.Code);
            Assert.Equal(DisciplineKind.Category, Catalogue.CategoryOf(d).Kind);
            Assert.False(string.IsNullOrWhiteSpace(d.Chinese), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.English), d.Code);
            Assert.Equal(d.Code[2] >= '5', d.Kind == DisciplineKind.Professional);
        }
    }

    [Fact]
    public void CodesAreUniqueAndInOrder()
    {
        var codes = Catalogue.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Theory]
    [InlineData("0812", "计算机科学与技术", "Computer Science and Technology")]
    [InlineData("0809", "电子科学与技术", "Electronic Science and Technology")]
    [InlineData("0810", "信息与通信工程", "Information and Communication Engineering")]
    [InlineData("0701", "数学", "Mathematics")]
    [InlineData("0702", "物理学", "Physics")]
    [InlineData("0703", "化学", "Chemistry")]
    [InlineData("1001", "基础医学", "Basic Medicine")]
    [InlineData("1002", "临床医学", "Clinical Medicine")]
    [InlineData("1007", "药学", "Pharmacy")]
    [InlineData("0202", "应用经济学", "Applied Economics")]
    [InlineData("0301", "法学", "Law")]
    [InlineData("1202", "工商管理学", "Business Administration")]
    [InlineData("1401", "集成电路科学与工程", "Integrated Circuit Science and Engineering")]
    public void KnownSubjectsCarryTheirCatalogueNames(string code, string chinese, string english)
    {
        var d = Catalogue.ByCode(code)!;
        Assert.Equal((chinese, english), (d.Chinese, d.English));
    }

    [Theory]
    [InlineData("0834")] // 风景园林学: an academic discipline until 2022, now only the professional 0862
    [InlineData("1010")] // 医学技术: likewise, now 1058
    [InlineData("0852")] // 工程: split into 0854–0861 in 2019
    public void DisciplinesThe2022CatalogueDroppedAreAbsent(string code) => Assert.Null(Catalogue.ByCode(code));
}
