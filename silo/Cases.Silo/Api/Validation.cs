using System.Text;
using Cases.Domain;
using Cases.Domain.Applicants;
using Cases.Domain.Disciplines;

namespace Cases.Silo.Api;

/// <summary>Field-level checks of request bodies beyond what JSON binding enforces; each failure names its field.</summary>
/// <remarks>
/// Binding lets through what is valid JSON but not a valid request: explicit nulls, null list items, enum values given as
/// undefined numbers, and dates no person has (0001-01-01). Each is refused here so the grain never sees it.
/// </remarks>
public static class Validation
{
    public const int MaxText = 200;
    public const int MaxItems = 50;

    /// <summary>The largest sum of money a request may carry, CNY 1 trillion: beyond any budget, capital, loan, funding round, revenue or tax here.</summary>
    public const long MaxAmountCny = 1_000_000_000_000;

    /// <summary>The largest university rank: more universities than any ranking lists.</summary>
    public const int MaxUniversityRank = 30_000;

    /// <summary>The range of dates a person's documents, studies and family can carry.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    /// <summary>Errors by field, empty when the profile is acceptable.</summary>
    public static Dictionary<string, string[]> Of(ApplicantProfile p)
    {
        var errors = new Errors();
        errors.IdentityDocument("identityDocument", p.IdentityDocument);
        errors.Name("name", p.Name);
        errors.Text("nationality", p.Nationality, max: 3);
        if (p.NationalityAtDeparture is not null)
            errors.Text("nationalityAtDeparture", p.NationalityAtDeparture, max: 3);
        errors.Enum("passport", (PassportKind?)p.Passport);
        errors.Date("passportExpiry", p.PassportExpiry);
        errors.Date("returnedOn", p.ReturnedOn);
        errors.Enum("titleBeforeAbroad", p.TitleBeforeAbroad);
        errors.Id("homeDistrict", p.HomeDistrict);
        errors.List("degrees", p.Degrees, (field, d) =>
        {
            errors.Enum($"{field}.level", (DegreeLevel?)d.Level);
            errors.Text($"{field}.country", d.Country);
            errors.Discipline($"{field}.field", d.Field);
            errors.Check($"{field}.universityRank", d.UniversityRank is null or (> 0 and <= MaxUniversityRank), $"must be a rank from 1 to {MaxUniversityRank}");
            errors.Date($"{field}.obtainedOn", d.ObtainedOn);
        });
        errors.List("studyAbroad", p.StudyAbroad, (field, s) => errors.Period(field, s.From, s.To));
        errors.List("researchAbroad", p.ResearchAbroad, (field, r) =>
        {
            errors.Enum($"{field}.kind", (ResearchKind?)r.Kind);
            errors.Discipline($"{field}.field", r.Field);
            errors.Period(field, r.From, r.To);
        });
        if (p.Employer is { } e)
        {
            errors.Text("employer.name", e.Name);
            errors.Id("employer.district", e.District);
            errors.Text("employer.industry", e.Industry);
        }
        return errors.ByField;
    }

    public static Dictionary<string, string[]> Of(Dependant d)
    {
        var errors = new Errors();
        errors.Id("dependantId", d.DependantId);
        errors.Enum("relation", (DependantRelation?)d.Relation);
        errors.Name("name", d.Name);
        errors.Date("birthDate", d.BirthDate);
        errors.Enum("passport", d.Passport);
        errors.Date("passportExpiry", d.PassportExpiry);
        return errors.ByField;
    }

    public static Dictionary<string, string[]> Of(ApplyForPermitRequest r)
    {
        var errors = new Errors();
        errors.Id("permitId", r.PermitId);
        if (r.EnterpriseKey is not null)
            errors.Id("enterpriseKey", r.EnterpriseKey);
        if (r.EmployerReference is not null)
            errors.Text("employerReference", r.EmployerReference);
        return errors.ByField;
    }

    public static Dictionary<string, string[]> Of(ApplyForHouseholdRegistrationRequest r)
    {
        var errors = new Errors();
        errors.Id("applicationId", r.ApplicationId);
        errors.List("dependantIds", r.DependantIds ?? [], (field, id) => errors.Id(field, id));
        return errors.ByField;
    }

    public static Dictionary<string, string[]> Of(ApplyForForeignResidenceRequest r)
    {
        var errors = new Errors();
        errors.Id("applicationId", r.ApplicationId);
        errors.Enum("kind", (ForeignResidenceKind?)r.Kind);
        errors.List("dependantIds", r.DependantIds ?? [], (field, id) => errors.Id(field, id));
        return errors.ByField;
    }

    public static Dictionary<string, string[]> OfId(string field, string? value)
    {
        var errors = new Errors();
        errors.Id(field, value);
        return errors.ByField;
    }

    /// <summary>An officer's reason: required, bounded, and free text that may span lines.</summary>
    public static Dictionary<string, string[]> OfReason(string? reason)
    {
        var errors = new Errors();
        errors.Text("reason", reason, multiline: true);
        return errors.ByField;
    }

    /// <summary>Collects messages per field.</summary>
    public sealed class Errors
    {
        public Dictionary<string, string[]> ByField { get; } = [];

        /// <summary>An id, by the rule every route id is held to as well.</summary>
        public void Id(string field, string? value)
        {
            if (Ids.Problem(value) is { } problem)
                Add(field, problem);
        }

        /// <summary>An identity document in normal form: an id, and of the letters and digits real documents carry (see <see cref="Domain.Applicants.IdentityDocument"/>).</summary>
        public void IdentityDocument(string field, string? value)
        {
            if (Ids.Problem(value) is { } problem)
                Add(field, problem);
            else if (Domain.Applicants.IdentityDocument.Problem(value!) is { } bad)
                Add(field, bad);
        }

        /// <summary>A person's name: displayed text of Chinese (Han) and Latin letters, with spaces, '·', apostrophes and hyphens.</summary>
        public void Name(string field, string? value)
        {
            var before = ByField.Count;
            Text(field, value);
            if (ByField.Count == before && !(value!.EnumerateRunes().All(IsNameRune) && value.EnumerateRunes().Any(Rune.IsLetter)))
                Add(field, "may hold only Chinese and Latin letters, spaces, '·', apostrophes and hyphens, and at least one letter");
        }

        /// <summary>Required displayed text of bounded length, without control characters (line breaks and tabs allowed when multiline), broken UTF-16, or invisible and bidi control characters.</summary>
        public void Text(string field, string? value, int max = MaxText, bool multiline = false)
        {
            if (string.IsNullOrWhiteSpace(value))
                Add(field, "is required");
            else if (value.Length > max)
                Add(field, $"must be at most {max} characters (got {value.Length})");
            else if (value.Any(c => (char.IsControl(c) || c is '\u2028' or '\u2029') && !(multiline && c is '\n' or '\r' or '\t')))
                Add(field, multiline ? "must not contain control characters other than line breaks and tabs" : "must not contain control characters");
            else if (!UnicodeText.IsWellFormed(value))
                Add(field, "must not contain unpaired surrogates");
            else if (value.EnumerateRunes().Any(UnicodeText.IsInvisible))
                Add(field, "must not contain invisible, format or bidi control characters");
        }

        /// <summary>Displayed text that names an entry of the national catalogue of disciplines by code, name or alias.</summary>
        public void Discipline(string field, string? value)
        {
            var before = ByField.Count;
            Text(field, value);
            if (ByField.Count == before && DisciplineCatalogue.Current.Resolve(value) is null)
                Add(field, $"'{value}' is not a discipline of the national catalogue ({DisciplineCatalogue.Current.Version}); " +
                    $"give its code (e.g. 0812) or its Chinese or English name, as found at {DisciplinesApi.LookupFor(value!)}");
        }

        public void Items(string field, int count)
        {
            if (count > MaxItems)
                Add(field, $"must hold at most {MaxItems} items (got {count})");
        }

        /// <summary>A list that must be present (possibly empty), bounded, without null items; each item is checked under "field[i]".</summary>
        public void List<T>(string field, IReadOnlyCollection<T?>? items, Action<string, T> check) where T : class
        {
            if (items is null)
            {
                Add(field, "must be a list; send [] for none");
                return;
            }
            Items(field, items.Count);
            if (items.Count > MaxItems)
                return;
            foreach (var (item, i) in items.Select((x, i) => (x, i)))
            {
                if (item is null)
                    Add($"{field}[{i}]", "must not be null");
                else
                    check($"{field}[{i}]", item);
            }
        }

        /// <summary>A sum of money of at most <see cref="MaxAmountCny"/>, positive or (when zero is allowed) not negative; absent when null.</summary>
        public void Amount(string field, long? value, bool zeroAllowed = false) => Count(field, value, MaxAmountCny, zeroAllowed, "amount");

        /// <summary>A whole number of at most max, positive or (when zero is allowed) not negative; absent when null.</summary>
        public void Count(string field, long? value, long max, bool zeroAllowed = false, string what = "number")
        {
            if (value is not { } v)
                return;
            if (zeroAllowed ? v < 0 : v <= 0)
                Add(field, zeroAllowed ? "must not be negative" : $"must be a positive {what}");
            else if (v > max)
                Add(field, $"must be at most {max}");
        }

        public void Enum<T>(string field, T? value) where T : struct, System.Enum
        {
            if (value is { } v && !System.Enum.IsDefined(v))
                Add(field, $"must be one of {string.Join(", ", System.Enum.GetNames<T>())}");
        }

        public void Date(string field, DateOnly? value)
        {
            if (value is { } d && (d < EarliestDate || d > LatestDate))
                Add(field, $"must be between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}");
        }

        public void Period(string field, DateOnly from, DateOnly to)
        {
            Date($"{field}.from", from);
            Date($"{field}.to", to);
            Check(field, to >= from, "ends before it starts");
        }

        public void Check(string field, bool ok, string message)
        {
            if (!ok)
                Add(field, message);
        }

        public void Add(string field, string message) =>
            ByField[field] = ByField.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        // Han and Latin letters (diacritics composed by NFKC, or combining), and the separators names use: space, middle dots, apostrophes, hyphen.
        private static bool IsNameRune(Rune rune) =>
            (Rune.IsLetter(rune) && UnicodeText.ScriptOf(rune) is UnicodeText.Han or UnicodeText.Latin)
            || rune.Value is (>= 0x0300 and <= 0x036F) or ' ' or '\u00B7' or '\u30FB' or '\'' or '\u2019' or '-';
    }
}
