using Cases.Domain.Imports;
using Orleans;

namespace Cases.Domain.Enterprises;

/// <summary>Imports an admission to a park decided before the platform; an unknown enterprise is created from the row.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ImportParkAdmission")]
public sealed record ImportParkAdmission(
    [property: Id(0)] string Name,
    [property: Id(1)] string Industry,
    [property: Id(2)] string District,
    [property: Id(3)] string ParkKey,
    [property: Id(4)] DateOnly DecidedOn,
    [property: Id(5)] ImportSource Source) : IEnterpriseCommand;

/// <summary>Imports a start-up grant (Art. 6) paid before the platform to an enterprise imported earlier.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ImportStartupGrant")]
public sealed record ImportStartupGrant(
    [property: Id(0)] int ProgrammeYear,
    [property: Id(1)] long AmountCny,
    [property: Id(2)] DateOnly DecidedOn,
    [property: Id(3)] ImportSource Source) : IEnterpriseCommand;
