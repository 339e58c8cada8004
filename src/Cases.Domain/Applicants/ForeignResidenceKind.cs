using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>What an Art. 17 application asks for: a foreigners' residence permit or a multiple-entry visa.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ForeignResidenceKind>))]
[GenerateSerializer]
[Alias("cases.ForeignResidenceKind")]
public enum ForeignResidenceKind
{
    ResidencePermit = 1,
    MultipleEntryVisa = 2,
}
