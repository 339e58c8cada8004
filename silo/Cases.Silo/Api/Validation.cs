using Cases.Domain.Applicants;

namespace Cases.Silo.Api;

/// <summary>Field-level checks of request bodies beyond what JSON binding enforces; each failure names its field.</summary>
public static class Validation
{
    public const int MaxText = 200;
    public const int MaxId = 128;
    public const int MaxItems = 50;

    /// <summary>Errors by field, empty when the profile is acceptable.</summary>
    public static Dictionary<string, string[]> Of(ApplicantProfile p)
    {
        var errors = new Errors();
        errors.Id("identityDocument", p.IdentityDocument);
        errors.Text("name", p.Name);
        errors.Text("nationality", p.Nationality, max: 3);
        errors.Items("degrees", p.Degrees?.Count ?? 0);
        errors.Items("studyAbroad", p.StudyAbroad?.Count ?? 0);
        errors.Items("researchAbroad", p.ResearchAbroad?.Count ?? 0);
        foreach (var (period, i) in (p.StudyAbroad ?? []).Select((s, i) => (s, i)))
            errors.Check($"studyAbroad[{i}]", period.To >= period.From, "ends before it starts");
        foreach (var (period, i) in (p.ResearchAbroad ?? []).Select((s, i) => (s, i)))
            errors.Check($"researchAbroad[{i}]", period.To >= period.From, "ends before it starts");
        foreach (var (degree, i) in (p.Degrees ?? []).Select((d, i) => (d, i)))
            errors.Check($"degrees[{i}].universityRank", degree.UniversityRank is null or > 0, "must be a positive rank");
        if (p.HomeDistrict is not null)
            errors.Id("homeDistrict", p.HomeDistrict);
        return errors.ByField;
    }

    public static Dictionary<string, string[]> OfId(string field, string? value)
    {
        var errors = new Errors();
        errors.Id(field, value);
        return errors.ByField;
    }

    public static Dictionary<string, string[]> OfReason(string? reason)
    {
        var errors = new Errors();
        errors.Text("reason", reason);
        return errors.ByField;
    }

    /// <summary>Collects messages per field.</summary>
    public sealed class Errors
    {
        public Dictionary<string, string[]> ByField { get; } = [];

        public void Id(string field, string? value)
        {
            Text(field, value, MaxId);
            if (value is not null && value.Any(c => char.IsControl(c) || c == '/'))
                Add(field, "must not contain '/' or control characters");
        }

        public void Text(string field, string? value, int max = MaxText)
        {
            if (string.IsNullOrWhiteSpace(value))
                Add(field, "is required");
            else if (value.Length > max)
                Add(field, $"must be at most {max} characters (got {value.Length})");
        }

        public void Items(string field, int count)
        {
            if (count > MaxItems)
                Add(field, $"must hold at most {MaxItems} items (got {count})");
        }

        public void Check(string field, bool ok, string message)
        {
            if (!ok)
                Add(field, message);
        }

        public void Add(string field, string message) =>
            ByField[field] = ByField.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
    }
}
