using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>A period of study abroad; its length in days is <c>To - From</c>.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.StudyPeriod")]
public sealed record StudyPeriod(DateOnly From, DateOnly To)
{
    [JsonIgnore]
    public int Days => To.DayNumber - From.DayNumber;
}
