using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>The level of an academic degree, ordered so that "master's or above" is a comparison.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DegreeLevel>))]
[GenerateSerializer]
[Alias("cases.DegreeLevel")]
public enum DegreeLevel
{
    Bachelor = 1,
    Master = 2,
    Doctorate = 3,
}
