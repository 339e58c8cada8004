using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>The kind of a research stay abroad (returnee-measures-2024 item 3, path B).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResearchKind>))]
[GenerateSerializer]
[Alias("cases.ResearchKind")]
public enum ResearchKind
{
    PostDoctoral = 1,
    AcademicVisit = 2,
}
