using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>How a dependant relates to the applicant; only spouses and children may apply concurrently.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DependantRelation>))]
[GenerateSerializer]
[Alias("cases.DependantRelation")]
public enum DependantRelation
{
    Spouse = 1,
    Child = 2,
}
