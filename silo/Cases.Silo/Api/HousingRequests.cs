using Cases.Domain.Housing;

namespace Cases.Silo.Api;

/// <summary>Units added to a district office's transitional-housing inventory.</summary>
public sealed record AddUnitsRequest(IReadOnlyList<string>? UnitIds)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Validation.Errors();
        if (UnitIds is not { Count: > 0 } units)
        {
            errors.Add("unitIds", "must name at least one unit");
            return errors.ByField;
        }
        errors.Items("unitIds", units.Count);
        foreach (var (unit, i) in units.Take(Validation.MaxItems).Select((u, i) => (u, i)))
            errors.Id($"unitIds[{i}]", unit);
        errors.Check("unitIds", units.Distinct(StringComparer.Ordinal).Count() == units.Count, "must not name a unit twice");
        return errors.ByField;
    }
}

/// <summary>The long-term housing the applicant takes after the transitional term (item 10), from StartsOn (today if left out).</summary>
public sealed record LongTermHousingRequest(LongTermHousing? Kind, DateOnly? StartsOn)
{
    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Validation.Errors();
        errors.Check("kind", Kind is { } kind && Enum.IsDefined(kind), $"must be one of {string.Join(", ", Enum.GetNames<LongTermHousing>())}");
        errors.Check("startsOn", StartsOn is null || StartsOn >= today, $"must not be before today ({today:yyyy-MM-dd})");
        return errors.ByField;
    }
}
