using System.Collections.Immutable;
using Orleans;

namespace Cases.Domain.Housing;

/// <summary>A district office's transitional units (free or held by an applicant until a date) and its waitlist in arrival order.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.HousingOfficeState")]
public sealed record HousingOfficeState(ImmutableList<TransitionalUnit> Units, ImmutableList<WaitlistEntry> Waitlist)
{
    public static readonly HousingOfficeState Empty = new([], []);

    public TransitionalUnit? UnitOf(string applicantKey) => Units.Find(u => u.Occupant == applicantKey);

    public TransitionalUnit? FirstFree => Units.Find(u => u.Occupant is null);

    public bool IsWaiting(string applicantKey) => Waitlist.Exists(w => w.ApplicantKey == applicantKey);
}

/// <summary>One unit; Occupant and Until are set while an applicant holds it.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.TransitionalUnit")]
public sealed record TransitionalUnit(string UnitId, string? Occupant, string? PermitId, DateOnly? Until);

/// <summary>An applicant waiting for a unit under a permit.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.WaitlistEntry")]
public sealed record WaitlistEntry(string ApplicantKey, string PermitId);
