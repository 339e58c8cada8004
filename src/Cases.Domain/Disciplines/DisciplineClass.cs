using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Disciplines;

/// <summary>How returnee-measures-2024 item 3 counts a discipline: "STEM or medical fields", or neither.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DisciplineClass>))]
[GenerateSerializer]
[Alias("cases.DisciplineClass")]
public enum DisciplineClass
{
    Other = 0,
    Stem = 1,
    Medical = 2,
}
