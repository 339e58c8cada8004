using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>Where an officer-decided application (permit, household registration) stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationStatus>))]
[GenerateSerializer]
[Alias("cases.ApplicationStatus")]
public enum ApplicationStatus
{
    /// <summary>The rules were not met when applied for; closed without an officer.</summary>
    Ineligible = 1,
    Pending = 2,
    Approved = 3,
    Rejected = 4,
    Revoked = 5,
}
