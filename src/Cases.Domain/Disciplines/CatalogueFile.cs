namespace Cases.Domain.Disciplines;

/// <summary>What the code reads of a catalogue data file (disciplines-2022.json); its other members document it for people.</summary>
internal sealed record CatalogueFile(
    string Catalogue, int Edition, string Title, string Source,
    IReadOnlyList<CatalogueEntry> Categories, IReadOnlyList<CatalogueEntry> Subjects);

/// <summary>One entry of a catalogue data file, with the aliases applicants write for it.</summary>
internal sealed record CatalogueEntry(string Code, string Chinese, string English, IReadOnlyList<string>? Aliases);
