using System.Text.Json.Serialization;

namespace Cases.Domain.Applicants;

/// <summary>A professional or technical title, ordered so that "intermediate or above" is a comparison.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProfessionalTitle>))]
public enum ProfessionalTitle
{
    Intermediate = 1,
    Senior = 2,
}
