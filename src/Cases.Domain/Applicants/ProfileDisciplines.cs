using Cases.Domain.Disciplines;

namespace Cases.Domain.Applicants;

/// <summary>Resolves the fields of a profile's degrees and research stays to codes of the national catalogue of disciplines.</summary>
public static class ProfileDisciplines
{
    private static DisciplineCatalogue Catalogue => DisciplineCatalogue.Current;

    /// <summary>The profile with every field's code resolved afresh from the field as written, as intake records it; unknown fields get no code.</summary>
    public static ApplicantProfile Resolve(ApplicantProfile p) => p with
    {
        Degrees = [.. p.Degrees.Select(d => d with { DisciplineCode = Catalogue.Resolve(d.Field)?.Code })],
        ResearchAbroad = [.. p.ResearchAbroad.Select(r => r with { DisciplineCode = Catalogue.Resolve(r.Field)?.Code })],
    };

    /// <summary>The profile with codes resolved only where none is recorded, so a replayed profile recorded before codes were kept reads as a new one.</summary>
    public static ApplicantProfile Backfill(ApplicantProfile p) => p with
    {
        Degrees = [.. p.Degrees.Select(d => d.DisciplineCode is null ? d with { DisciplineCode = Catalogue.Resolve(d.Field)?.Code } : d)],
        ResearchAbroad = [.. p.ResearchAbroad.Select(r => r.DisciplineCode is null ? r with { DisciplineCode = Catalogue.Resolve(r.Field)?.Code } : r)],
    };

    /// <summary>The fields, by their place in the profile (e.g. "degrees[0].field"), that name no entry of the catalogue.</summary>
    public static IEnumerable<(string Path, string Field)> Unknown(ApplicantProfile p) =>
        p.Degrees.Select((d, i) => ($"degrees[{i}].field", d.Field))
            .Concat(p.ResearchAbroad.Select((r, i) => ($"researchAbroad[{i}].field", r.Field)))
            .Where(x => !string.IsNullOrWhiteSpace(x.Item2) && Catalogue.Resolve(x.Item2) is null);
}
