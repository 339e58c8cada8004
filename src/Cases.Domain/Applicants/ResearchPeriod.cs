using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>Post-doctoral research or an academic visit abroad, in a field; its length in days is <c>To - From</c>.</summary>
/// <param name="Field">The discipline as the applicant wrote it: a catalogue code or a Chinese or English name.</param>
/// <param name="DisciplineCode">The catalogue code intake resolved the field to (any value sent is replaced); absent in profiles recorded before codes were kept.</param>
[GenerateSerializer, Immutable]
[Alias("cases.ResearchPeriod")]
public sealed record ResearchPeriod(ResearchKind Kind, string Field, DateOnly From, DateOnly To, string? DisciplineCode = null)
{
    [JsonIgnore]
    public int Days => To.DayNumber - From.DayNumber;
}
