using Cases.Domain.Disciplines;
using Cases.Domain.Rules;

namespace Cases.Domain.Tests.Disciplines;

/// <summary>Real subject names, as applicants write them in Chinese and English, map to their catalogue entry and to STEM, medical or other under the rule set.</summary>
public sealed class DisciplineMappingTests
{
    private static readonly RuleSet Rules = new();

    [Theory]
    // STEM: 07 理学
    [InlineData("数学", "0701")]
    [InlineData("applied mathematics", "0701")]
    [InlineData("物理学", "0702")]
    [InlineData("Physics", "0702")]
    [InlineData("化学", "0703")]
    [InlineData("organic chemistry", "0703")]
    [InlineData("天文学", "0704")]
    [InlineData("生物学", "0710")]
    [InlineData("molecular biology", "0710")]
    [InlineData("生态学", "0713")]
    [InlineData("统计学", "0714")]
    [InlineData("Statistics", "0714")]
    [InlineData("地理学", "0705")]
    [InlineData("oceanography", "0707")]
    // STEM: 08 工学
    [InlineData("机械工程", "0802")]
    [InlineData("mechanical engineering", "0802")]
    [InlineData("材料科学与工程", "0805")]
    [InlineData("materials science", "0805")]
    [InlineData("电气工程", "0808")]
    [InlineData("electrical engineering", "0808")]
    [InlineData("电子科学与技术", "0809")]
    [InlineData("microelectronics", "0809")]
    [InlineData("信息与通信工程", "0810")]
    [InlineData("telecommunications", "0810")]
    [InlineData("控制科学与工程", "0811")]
    [InlineData("automation", "0811")]
    [InlineData("计算机科学与技术", "0812")]
    [InlineData("computer science", "0812")]
    [InlineData("data science", "0812")]
    [InlineData("土木工程", "0814")]
    [InlineData("civil engineering", "0814")]
    [InlineData("化学工程与技术", "0817")]
    [InlineData("chemical engineering", "0817")]
    [InlineData("航空宇航科学与技术", "0825")]
    [InlineData("aerospace engineering", "0825")]
    [InlineData("环境科学与工程", "0830")]
    [InlineData("生物医学工程", "0831")]
    [InlineData("biomedical engineering", "0831")]
    [InlineData("软件工程", "0835")]
    [InlineData("software engineering", "0835")]
    [InlineData("网络空间安全", "0839")]
    [InlineData("cybersecurity", "0839")]
    [InlineData("电子信息", "0854")]
    // STEM: 09 农学 and the 14 交叉学科 subjects the rule set lists
    [InlineData("作物学", "0901")]
    [InlineData("horticulture", "0902")]
    [InlineData("兽医学", "0906")]
    [InlineData("集成电路科学与工程", "1401")]
    [InlineData("integrated circuit design", "1401")]
    [InlineData("人工智能", "1405")]
    [InlineData("artificial intelligence", "1405")]
    [InlineData("nanotechnology", "1406")]
    [InlineData("遥感科学与技术", "1404")]
    public void StemSubjectsMapToTheirEntryAndCountAsStem(string name, string code) => AssertMapped(name, code, DisciplineClass.Stem);

    [Theory]
    [InlineData("基础医学", "1001")]
    [InlineData("immunology", "1001")]
    [InlineData("临床医学", "1002")]
    [InlineData("clinical medicine", "1002")]
    [InlineData("internal medicine", "1002")]
    [InlineData("口腔医学", "1003")]
    [InlineData("dentistry", "1003")]
    [InlineData("公共卫生与预防医学", "1004")]
    [InlineData("epidemiology", "1004")]
    [InlineData("public health", "1053")]
    [InlineData("中医学", "1005")]
    [InlineData("traditional Chinese medicine", "1005")]
    [InlineData("药学", "1007")]
    [InlineData("pharmacy", "1007")]
    [InlineData("pharmacology", "1007")]
    [InlineData("护理学", "1011")]
    [InlineData("nursing", "1011")]
    [InlineData("法医学", "1012")]
    [InlineData("MBBS", "1051")]
    public void MedicalSubjectsMapToTheirEntryAndCountAsMedical(string name, string code) => AssertMapped(name, code, DisciplineClass.Medical);

    [Theory]
    [InlineData("哲学", "0101")]
    [InlineData("philosophy", "0101")]
    [InlineData("理论经济学", "0201")]
    [InlineData("应用经济学", "0202")]
    [InlineData("金融学", "0202")]
    [InlineData("finance", "0251")]
    [InlineData("法学", "0301")]
    [InlineData("law", "0301")]
    [InlineData("政治学", "0302")]
    [InlineData("international relations", "0302")]
    [InlineData("社会学", "0303")]
    [InlineData("sociology", "0303")]
    [InlineData("教育学", "0401")]
    [InlineData("education", "0401")]
    [InlineData("心理学", "0402")]
    [InlineData("psychology", "0402")]
    [InlineData("中国语言文学", "0501")]
    [InlineData("英语语言文学", "0502")]
    [InlineData("English literature", "0502")]
    [InlineData("新闻传播学", "0503")]
    [InlineData("journalism", "0503")]
    [InlineData("考古学", "0601")]
    [InlineData("中国史", "0602")]
    [InlineData("world history", "0603")]
    [InlineData("工商管理", "1251")]
    [InlineData("business administration", "1202")]
    [InlineData("MBA", "1251")]
    [InlineData("会计", "1253")]
    [InlineData("accounting", "1253")]
    [InlineData("公共管理学", "1204")]
    [InlineData("public administration", "1204")]
    [InlineData("管理科学与工程", "1201")]
    [InlineData("艺术学", "1301")]
    [InlineData("音乐", "1352")]
    [InlineData("music", "1352")]
    [InlineData("fine arts", "1356")]
    [InlineData("美术", "1356")]
    [InlineData("设计学", "1403")]
    [InlineData("design", "1403")]
    [InlineData("区域国别学", "1407")]
    [InlineData("area studies", "1407")]
    [InlineData("国家安全学", "1402")]
    [InlineData("战略学", "1102")]
    public void OtherSubjectsMapToTheirEntryAndCountAsOther(string name, string code) => AssertMapped(name, code, DisciplineClass.Other);

    [Theory]
    [InlineData("science", "07", DisciplineClass.Stem)]
    [InlineData("technology", "08", DisciplineClass.Stem)]
    [InlineData("engineering", "08", DisciplineClass.Stem)]
    [InlineData("mathematics", "0701", DisciplineClass.Stem)]
    [InlineData("medicine", "10", DisciplineClass.Medical)]
    public void TheFiveFieldWordsOfRules2024Point1StillResolveAndCountAsBefore(string word, string code, DisciplineClass expected)
    {
        var d = DisciplineCatalogue.Current.Resolve(word);
        Assert.Equal(code, d?.Code);
        Assert.Equal(expected, DisciplineRules.ClassOf(Rules, d));
    }

    [Fact]
    public void TheRuleSetDecidesTheClassAndASubjectCodeOverridesItsCategory()
    {
        var veterinary = DisciplineCatalogue.Current.ByCode("0906");
        var statistics = DisciplineCatalogue.Current.ByCode("0252");
        var notAgriculture = Rules with { DisciplineClasses = new Dictionary<string, DisciplineClass>(Rules.DisciplineClasses) { ["09"] = DisciplineClass.Other } };

        Assert.Equal(DisciplineClass.Stem, DisciplineRules.ClassOf(Rules, veterinary));
        Assert.Equal(DisciplineClass.Other, DisciplineRules.ClassOf(notAgriculture, veterinary));
        Assert.Equal(DisciplineClass.Stem, DisciplineRules.ClassOf(Rules, statistics)); // under 02 经济学, listed itself
        Assert.Equal(DisciplineClass.Other, DisciplineRules.ClassOf(Rules, DisciplineCatalogue.Current.ByCode("0202")));
    }

    [Fact]
    public void AnUnknownFieldIsOtherAndItsLabelSaysItIsNotInTheCatalogue()
    {
        Assert.Equal(DisciplineClass.Other, DisciplineRules.ClassOf(Rules, null));
        Assert.Equal("\"alchemy\" (not in the 2022 catalogue of disciplines: other)", DisciplineRules.Describe(Rules, null, "alchemy"));
    }

    private static void AssertMapped(string name, string code, DisciplineClass expected)
    {
        var d = DisciplineCatalogue.Current.Resolve(name);
        Assert.Equal(code, d?.Code);
        Assert.Equal(expected, DisciplineRules.ClassOf(Rules, d));
    }
}
