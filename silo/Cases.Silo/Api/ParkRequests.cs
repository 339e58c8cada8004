namespace Cases.Silo.Api;

/// <summary>A talent team the park attracted, and the day it came.</summary>
public sealed record TalentTeamRequest(string TeamName, DateOnly? AttractedOn)
{
    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Validation.Errors();
        errors.Text("teamName", TeamName);
        errors.Check("attractedOn", AttractedOn is not null, "is required");
        errors.Check("attractedOn", AttractedOn is null || AttractedOn <= today, $"must not be after today ({today:yyyy-MM-dd})");
        errors.Check("attractedOn", AttractedOn is null || AttractedOn.Value.Year >= 1900, "must not be before 1900");
        return errors.ByField;
    }
}

/// <summary>Runs the park's annual evaluation for a completed year.</summary>
public sealed record ParkEvaluationRequest(int? Year)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Validation.Errors();
        errors.Check("year", Year is >= 1900 and <= 9999, "is required and must lie between 1900 and 9999");
        return errors.ByField;
    }
}
