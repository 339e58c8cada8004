using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Parks;

/// <summary>Where an enterprise on a park's roster stands in incubation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RosterStage>))]
[GenerateSerializer]
[Alias("cases.RosterStage")]
public enum RosterStage
{
    /// <summary>Admitted, no progress recorded yet.</summary>
    Admitted,

    /// <summary>Incubating: progress has been recorded or the park moved it on.</summary>
    Incubating,

    /// <summary>Graduated from the park's incubation; final.</summary>
    Graduated,

    /// <summary>Left the park without graduating; it may be added again.</summary>
    Left,
}
