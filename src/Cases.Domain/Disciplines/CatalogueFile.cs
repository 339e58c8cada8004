namespace Cases.Domain.Disciplines;

/// <summary>The shape of a catalogue data file (disciplines-2022.json).</summary>
internal sealed record CatalogueFile(
    string Catalogue, int Edition, string Title, string EnglishTitle, string Source,
    IReadOnlyList<CatalogueEntry> Categories, IReadOnlyList<CatalogueEntry> Subjects);

/// <summary>One entry of a catalogue data file, with the aliases applicants write for it.</summary>
internal sealed record CatalogueEntry(string Code, string Chinese, string English, IReadOnlyList<string>? Aliases);
