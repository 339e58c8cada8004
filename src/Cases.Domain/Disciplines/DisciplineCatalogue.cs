using System.Text.Json;

namespace Cases.Domain.Disciplines;

/// <summary>A versioned national catalogue of disciplines, loaded from a data file shipped in this assembly; finds entries by code, name or alias.</summary>
public sealed class DisciplineCatalogue
{
    private static readonly Lazy<DisciplineCatalogue> Catalogue2022 = new(() => Load("disciplines-2022.json"));

    private readonly Dictionary<string, Discipline> _byCode;
    private readonly Dictionary<string, Discipline> _byName;
    private readonly Dictionary<Discipline, string[]> _keys;

    private DisciplineCatalogue(CatalogueFile file)
    {
        Version = file.Catalogue;
        Edition = file.Edition;
        Title = file.Title;
        Source = file.Source;
        var entries = file.Categories.Select(e => (Entry: e, Kind: DisciplineKind.Category))
            .Concat(file.Subjects.Select(e => (Entry: e, Kind: e.Code[2] >= '5' ? DisciplineKind.Professional : DisciplineKind.Academic)))
            .Select(x => (Discipline: new Discipline(x.Entry.Code, x.Entry.Chinese, x.Entry.English, x.Kind), Aliases: x.Entry.Aliases ?? []))
            .OrderBy(x => x.Discipline.Code, StringComparer.Ordinal)
            .ToList();
        All = [.. entries.Select(x => x.Discipline)];
        _byCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _byName = NameIndex(entries);
        _keys = entries.ToDictionary(x => x.Discipline,
            x => new[] { x.Discipline.Code, x.Discipline.Chinese, x.Discipline.English }.Concat(x.Aliases).Select(DisciplineKey.Of).ToArray());
    }

    /// <summary>The catalogue in force: the 2022 《研究生教育学科专业目录》.</summary>
    public static DisciplineCatalogue Current => Catalogue2022.Value;

    /// <summary>The catalogue's year, e.g. "2022"; codes are only meaningful under it.</summary>
    public string Version { get; }

    /// <summary>The edition of this repository's data file (its aliases); a changed alias is a new edition.</summary>
    public int Edition { get; }

    public string Title { get; }

    /// <summary>Who issued the catalogue and what this data holds.</summary>
    public string Source { get; }

    /// <summary>Every entry, categories and subjects, in code order (01, 0101, 0151, 02, …).</summary>
    public IReadOnlyList<Discipline> All { get; }

    /// <summary>The entry with exactly this code, e.g. "08" or "0812".</summary>
    public Discipline? ByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The category (学科门类) an entry belongs to.</summary>
    public Discipline CategoryOf(Discipline d) => _byCode[d.CategoryCode];

    /// <summary>The entry a text names, or null: a code (two or four digits, or a six-digit second-level code), a Chinese or English name or a common alias, optionally with its code beside it.</summary>
    public Discipline? Resolve(string? text)
    {
        var key = DisciplineKey.Of(text);
        if (key.Length == 0)
            return null;
        if (DisciplineKey.IsCode(key))
            return Code(key);
        if (_byName.TryGetValue(key, out var named))
            return named;
        return CodeBesideName(key);
    }

    /// <summary>Entries whose code, names or aliases hold the query, best first: exact matches, then those starting with it, then the rest, each in code order; every entry when the query is empty.</summary>
    public IReadOnlyList<Discipline> Search(string? query)
    {
        var key = DisciplineKey.Of(query);
        if (key.Length == 0)
            return All;
        var exact = Resolve(query);
        return [.. All.Select(d => (Discipline: d, Rank: Rank(d, key, exact))).Where(x => x.Rank < 3).OrderBy(x => x.Rank).Select(x => x.Discipline)];
    }

    // 0: what the query resolves to; 1: a code, name or alias starting with it; 2: one holding it; 3: no match.
    private int Rank(Discipline d, string key, Discipline? exact) =>
        d == exact ? 0
        : _keys[d].Any(k => k.StartsWith(key, StringComparison.Ordinal)) ? 1
        : _keys[d].Any(k => k.Contains(key, StringComparison.Ordinal)) ? 2
        : 3;

    // A six-digit code is a second-level discipline (二级学科), which belongs to the first-level one its first four digits name.
    private Discipline? Code(string digits) => digits.Length switch
    {
        2 or 4 => ByCode(digits),
        6 when ByCode(digits[..4]) is { Kind: not DisciplineKind.Category } parent => parent,
        _ => null,
    };

    // "0812 计算机科学与技术" or "计算机科学与技术（0812）", as copied from a list: the code and the name must agree.
    private Discipline? CodeBesideName(string key)
    {
        var leading = new string([.. key.TakeWhile(char.IsAsciiDigit)]);
        var trailing = new string([.. key.Reverse().TakeWhile(char.IsAsciiDigit).Reverse()]);
        var (code, name) = leading.Length > 0 ? (leading, key[leading.Length..]) : (trailing, key[..^trailing.Length]);
        return code.Length > 0 && Code(code) is { } byCode && _byName.GetValueOrDefault(name) == byCode ? byCode : null;
    }

    // Names of academic subjects come before professional categories' and categories' (临床医学 is 1002 before 1051, 哲学 is 0101 before 01); an alias may name one entry only.
    private static Dictionary<string, Discipline> NameIndex(List<(Discipline Discipline, IReadOnlyList<string> Aliases)> entries)
    {
        var index = new Dictionary<string, Discipline>(StringComparer.Ordinal);
        foreach (var (d, _) in entries.OrderBy(x => x.Discipline.Kind switch { DisciplineKind.Academic => 0, DisciplineKind.Professional => 1, _ => 2 }))
        {
            index.TryAdd(DisciplineKey.Of(d.Chinese), d);
            index.TryAdd(DisciplineKey.Of(d.English), d);
        }
        foreach (var (d, aliases) in entries)
        {
            foreach (var alias in aliases)
            {
                var key = DisciplineKey.Of(alias);
                if (key.Length == 0 || DisciplineKey.IsCode(key) || !index.TryAdd(key, d))
                    throw new InvalidDataException($"The alias '{alias}' of {d.Code} is empty, a code, or already names {index.GetValueOrDefault(key)?.Code}.");
            }
        }
        return index;
    }

    private static DisciplineCatalogue Load(string resource)
    {
        using var stream = typeof(DisciplineCatalogue).Assembly.GetManifestResourceStream($"Cases.Domain.Disciplines.{resource}")
            ?? throw new InvalidOperationException($"The catalogue {resource} is not embedded in {typeof(DisciplineCatalogue).Assembly.GetName().Name}.");
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"The catalogue {resource} is empty.");
        return new DisciplineCatalogue(file);
    }
}
