using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>Post-doctoral research or an academic visit abroad, in a field; its length in days is <c>To - From</c>.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ResearchPeriod")]
public sealed record ResearchPeriod(ResearchKind Kind, string Field, DateOnly From, DateOnly To)
{
    [JsonIgnore]
    public int Days => To.DayNumber - From.DayNumber;
}
