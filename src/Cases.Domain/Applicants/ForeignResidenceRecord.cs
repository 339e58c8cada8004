using System.Collections.Immutable;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>The latest Art. 17 application: what was asked for and the per-person grants.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ForeignResidenceRecord")]
public sealed record ForeignResidenceRecord(
    string ApplicationId,
    ForeignResidenceKind Kind,
    DateOnly AppliedOn,
    bool Passed,
    ImmutableList<ForeignResidenceGrant> Grants);
