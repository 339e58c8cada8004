using System.Text.Json.Serialization;

namespace Cases.Domain.Applicants;

/// <summary>A period of study abroad; its length in days is <c>To - From</c>.</summary>
public sealed record StudyPeriod(DateOnly From, DateOnly To)
{
    [JsonIgnore]
    public int Days => To.DayNumber - From.DayNumber;
}
