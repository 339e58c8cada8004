using Cases.Domain.Imports;
using Orleans;

namespace Cases.Domain.Enterprises;

/// <summary>An enterprise known only from an imported decision was created; its founders are not known to the platform.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EnterpriseImported")]
public sealed record EnterpriseImported(
    [property: Id(0)] string Name,
    [property: Id(1)] string Industry,
    [property: Id(2)] string District,
    [property: Id(3)] ImportSource Source,
    [property: Id(4)] DateOnly DecidedOn,
    [property: Id(5)] string ImportedBy) : IEnterpriseEvent;

/// <summary>A park admission decided before the platform was imported; the admission itself follows as <see cref="EnterpriseAdmittedToPark"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ParkAdmissionImported")]
public sealed record ParkAdmissionImported(
    [property: Id(0)] string ParkKey,
    [property: Id(1)] ImportSource Source,
    [property: Id(2)] DateOnly DecidedOn,
    [property: Id(3)] string ImportedBy) : IEnterpriseEvent;

/// <summary>A start-up grant paid before the platform was imported; the enterprise holds it as awarded.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.StartupGrantImported")]
public sealed record StartupGrantImported(
    [property: Id(0)] int ProgrammeYear,
    [property: Id(1)] long AmountCny,
    [property: Id(2)] ImportSource Source,
    [property: Id(3)] DateOnly DecidedOn,
    [property: Id(4)] string ImportedBy) : IEnterpriseEvent;
