using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>A professional or technical title, ordered so that "intermediate or above" is a comparison.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProfessionalTitle>))]
[GenerateSerializer]
[Alias("cases.ProfessionalTitle")]
public enum ProfessionalTitle
{
    Intermediate = 1,
    Senior = 2,
}
