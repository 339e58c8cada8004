using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>Whether a passport is Chinese (Art. 18) or foreign (Art. 17).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PassportKind>))]
[GenerateSerializer]
[Alias("cases.PassportKind")]
public enum PassportKind
{
    Chinese = 1,
    Foreign = 2,
}
