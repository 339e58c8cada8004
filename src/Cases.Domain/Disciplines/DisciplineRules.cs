using Cases.Domain.Rules;

namespace Cases.Domain.Disciplines;

/// <summary>How the rules read a declared field: the catalogue entry it names, that entry's class under a rule set, and the words reasons use for it.</summary>
public static class DisciplineRules
{
    private static DisciplineCatalogue Catalogue => DisciplineCatalogue.Current;

    /// <summary>The entry of a stored code or, for a profile recorded before codes were kept, of the field as written.</summary>
    public static Discipline? Of(string? code, string field) => code is not null ? Catalogue.ByCode(code) : Catalogue.Resolve(field);

    /// <summary>The class of an entry: that of its own code if the rule set lists it, else that of its category, else other.</summary>
    public static DisciplineClass ClassOf(RuleSet rules, Discipline? d) =>
        d is null ? DisciplineClass.Other
        : rules.DisciplineClasses.TryGetValue(d.Code, out var own) ? own
        : rules.DisciplineClasses.GetValueOrDefault(d.CategoryCode, DisciplineClass.Other);

    /// <summary>Whether returnee-measures-2024 item 3 counts the entry among "STEM or medical fields".</summary>
    public static bool IsStemOrMedical(RuleSet rules, Discipline? d) => ClassOf(rules, d) != DisciplineClass.Other;

    /// <summary>The subject's catalogue name, or the field as written when the catalogue has no such entry.</summary>
    public static string Name(Discipline? d, string field) => d?.Chinese ?? $"\"{field}\"";

    /// <summary>The code, category and class a reason states, e.g. "0812, engineering: STEM".</summary>
    public static string Label(RuleSet rules, Discipline? d) => d is null
        ? $"not in the {Catalogue.Version} catalogue of disciplines: other"
        : $"{d.Code}, {Catalogue.CategoryOf(d).English.ToLowerInvariant()}: {Word(ClassOf(rules, d))}";

    /// <summary>The subject as a reason names it, e.g. "计算机科学与技术 (0812, engineering: STEM)".</summary>
    public static string Describe(RuleSet rules, Discipline? d, string field) => $"{Name(d, field)} ({Label(rules, d)})";

    private static string Word(DisciplineClass c) => c switch
    {
        DisciplineClass.Stem => "STEM",
        DisciplineClass.Medical => "medical",
        _ => "other",
    };
}
