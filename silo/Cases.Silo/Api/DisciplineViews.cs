using Cases.Domain.Disciplines;
using Cases.Domain.Rules;

namespace Cases.Silo.Api;

/// <summary>The answer of GET /disciplines: the catalogue and the edition of its data, the rule set that classed its entries, how many matched, and the first of them.</summary>
public sealed record DisciplineList(string Catalogue, int Edition, string Title, string RuleSetVersion, int Total, IReadOnlyList<DisciplineView> Disciplines);

/// <summary>One catalogue entry as intake forms show it, with its category and how returnee-measures-2024 item 3 counts it.</summary>
public sealed record DisciplineView(string Code, string Chinese, string English, DisciplineKind Kind, DisciplineCategoryView Category, DisciplineClass Classification)
{
    public static DisciplineView Of(Discipline d, DisciplineCatalogue catalogue, RuleSet rules) =>
        new(d.Code, d.Chinese, d.English, d.Kind, DisciplineCategoryView.Of(catalogue.CategoryOf(d)), DisciplineRules.ClassOf(rules, d));
}

/// <summary>The category (学科门类) of an entry.</summary>
public sealed record DisciplineCategoryView(string Code, string Chinese, string English)
{
    public static DisciplineCategoryView Of(Discipline category) => new(category.Code, category.Chinese, category.English);
}
