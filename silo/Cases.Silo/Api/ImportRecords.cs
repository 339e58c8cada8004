using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cases.Domain.Applicants;
using Cases.Domain.Deciders;
using Cases.Domain.Enterprises;
using Cases.Domain.Imports;

namespace Cases.Silo.Api;

/// <summary>A row made into the command for its case, under the command id its source gives it.</summary>
public sealed record ImportCommand(int Line, GrainKey Grain, string CommandId, ImportSource Source, object Command);

/// <summary>The record kinds an import file holds and how a row of each becomes a command; validated as intake validates.</summary>
/// <remarks>
/// Every row has kind, sourceRowId and decidedOn (the original decision: issued, registered, admitted or paid on), and a source
/// unless the request names one. Identity documents and names are normalized as at intake, so a variant meets the same case.
/// </remarks>
public static class ImportRecords
{
    public const string PermitIssued = "permit-issued";
    public const string HouseholdRegistered = "household-registered";
    public const string ParkAdmission = "park-admission";
    public const string GrantPaid = "grant-paid";

    private static readonly string[] Common = ["kind", "source", "sourceRowId", "decidedOn"];

    private static readonly Dictionary<string, string[]> FieldsOf = new(StringComparer.Ordinal)
    {
        [PermitIssued] = ["identityDocument", "name", "nationality", "passport", "district", "permitId", "passportExpiry", "nationalityAtDeparture",
            "degreeLevel", "degreeCountry", "degreeField", "degreeObtainedOn", "degreeAbroad", "titleBeforeAbroad"],
        [HouseholdRegistered] = ["identityDocument", "registrationId", "district"],
        [ParkAdmission] = ["enterpriseId", "enterpriseName", "industry", "district", "park"],
        [GrantPaid] = ["enterpriseId", "programmeYear", "amountCny"],
    };

    /// <summary>The kinds, as the refusal of an unknown one lists them.</summary>
    public static IReadOnlyCollection<string> Kinds => FieldsOf.Keys;

    /// <summary>The command for the row, or why it is refused.</summary>
    public static (ImportCommand? Command, RefusedRow? Refused) From(ImportRow row, string? requestSource, DateOnly today)
    {
        var f = new RowFields(row);
        var kind = f.Text("kind");
        if (kind is not null && !FieldsOf.ContainsKey(kind))
            f.Fail("kind", $"'{kind}' is not a record kind; use one of {string.Join(", ", FieldsOf.Keys)}");
        var system = f.Id("source", requestSource);
        var rowId = f.Id("sourceRowId");
        var decidedOn = f.Date("decidedOn");
        if (decidedOn > today)
            f.Fail("decidedOn", $"lies after today ({today:yyyy-MM-dd}); only decisions already taken are imported");
        if (f.Refusal is null && row.Fields.Keys.FirstOrDefault(k => !Common.Contains(k) && !FieldsOf[kind!].Contains(k)) is { } stray)
            f.Fail(stray, $"is not a field of a {kind} row");
        if (f.Refusal is { } early)
            return (null, early);
        var source = new ImportSource { System = system!, RowId = rowId! };
        var on = decidedOn!.Value;
        var (grain, command) = kind switch
        {
            PermitIssued => Permit(f, on, source),
            HouseholdRegistered => (Applicant(f), new ImportHouseholdRegistration(f.Id("registrationId")!, f.Id("district")!, on, source)),
            ParkAdmission => (Enterprise(f), new ImportParkAdmission(f.Text("enterpriseName")!, f.Text("industry")!, f.Id("district")!, f.Id("park")!, on, source)),
            _ => (Enterprise(f), (object)new ImportStartupGrant((int)(f.Number("programmeYear", 1900, 2199) ?? 0), f.Number("amountCny", 1, Validation.MaxAmountCny) ?? 0, on, source)),
        };
        return f.Refusal is { } refused ? (null, refused) : (new ImportCommand(row.Line, grain, CommandIdOf(source), source, command), null);
    }

    /// <summary>The command id of a source row: the same row, in any file and any later run, is the same command, which the journal keeps once.</summary>
    public static string CommandIdOf(ImportSource source) => "import-" + Hash($"{source.System}\n{source.RowId}");

    /// <summary>The command id of a source row imported by an admin other than the first: theirs alone, so their retries are kept once too.</summary>
    public static string CommandIdOf(ImportSource source, string actor) => $"{CommandIdOf(source)}-{Hash(actor)[..12]}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];

    private static (GrainKey, object) Permit(RowFields f, DateOnly on, ImportSource source)
    {
        var district = f.Id("district");
        Degree[] degrees = f.Has("degreeLevel")
            ? [new Degree(f.Enum<DegreeLevel>("degreeLevel"), f.Text("degreeCountry") ?? "", f.Text("degreeField") ?? "", null,
                f.Date("degreeObtainedOn") ?? default, f.Bool("degreeAbroad") ?? true)]
            : [];
        var profile = IntakeNormalization.Profile(new ApplicantProfile
        {
            IdentityDocument = f.Text("identityDocument") ?? "",
            Name = f.Text("name") ?? "",
            Nationality = f.Text("nationality") ?? "",
            NationalityAtDeparture = f.Optional("nationalityAtDeparture"),
            Passport = f.Enum<PassportKind>("passport"),
            PassportExpiry = f.Has("passportExpiry") ? f.Date("passportExpiry") : null,
            TitleBeforeAbroad = f.Has("titleBeforeAbroad") ? f.Enum<ProfessionalTitle>("titleBeforeAbroad") : null,
            Degrees = [.. degrees],
            HomeDistrict = district ?? "",
        });
        // The profile is held to intake's own validation, field by field; the first fault refuses the row.
        if (f.Refusal is null && Validation.Of(profile).FirstOrDefault() is { Key: var field, Value: [var fault, ..] })
            f.Fail(field.Replace("degrees[0].", "degree", StringComparison.Ordinal).Replace("homeDistrict", "district", StringComparison.Ordinal), fault);
        return (new GrainKey(ApplicantDecider.Type, profile.IdentityDocument is { Length: > 0 } key ? key : "-"),
            new ImportPermit(profile, f.Id("permitId") ?? "", district ?? "", on, source));
    }

    private static GrainKey Applicant(RowFields f)
    {
        var document = f.Text("identityDocument") is { } raw ? IdentityDocument.Normalize(raw) : null;
        if (f.Refusal is null && document is not null && IdentityDocument.Problem(document) is { } bad)
            f.Fail("identityDocument", bad);
        return new GrainKey(ApplicantDecider.Type, document ?? "-");
    }

    private static GrainKey Enterprise(RowFields f) => new(EnterpriseDecider.Type, f.Id("enterpriseId") ?? "-");

    /// <summary>A row's fields read one by one; the first fault is kept as the row's refusal and later reads answer defaults.</summary>
    private sealed class RowFields(ImportRow row)
    {
        public RefusedRow? Refusal { get; private set; }

        public void Fail(string field, string reason) => Refusal ??= new RefusedRow(row.Line, field, reason);

        public bool Has(string field) => row.Fields.ContainsKey(field);

        public string? Optional(string field) => row.Fields.TryGetValue(field, out var v) ? v.Trim() : null;

        // Displayed text by intake's rule: required, bounded, no control, invisible or bidi characters.
        public string? Text(string field)
        {
            var value = Optional(field);
            var errors = new Validation.Errors();
            errors.Text(field, value);
            if (errors.ByField.Count == 0)
                return value;
            Fail(field, errors.ByField[field][0]);
            return null;
        }

        public string? Id(string field, string? fallback = null)
        {
            var value = Optional(field) ?? fallback;
            if (Ids.Problem(value) is { } problem)
            {
                Fail(field, problem);
                return null;
            }
            return value;
        }

        public DateOnly? Date(string field)
        {
            if (Text(field) is not { } text)
                return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && date >= Validation.EarliestDate && date <= Validation.LatestDate)
                return date;
            Fail(field, $"'{text}' is not a date from {Validation.EarliestDate:yyyy-MM-dd} to {Validation.LatestDate:yyyy-MM-dd} written yyyy-MM-dd");
            return null;
        }

        public long? Number(string field, long min, long max)
        {
            if (Text(field) is not { } text)
                return null;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            Fail(field, $"'{text}' is not a whole number from {min} to {max}");
            return null;
        }

        public bool? Bool(string field) => Optional(field) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => Failed<bool?>(field, $"'{other}' is not true or false", null),
        };

        public T Enum<T>(string field) where T : struct, System.Enum
        {
            if (Text(field) is { } text && System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value) && !char.IsDigit(text[0]))
                return value;
            if (Has(field))
                Fail(field, $"must be one of {string.Join(", ", System.Enum.GetNames<T>())}");
            return default;
        }

        private T Failed<T>(string field, string reason, T value)
        {
            Fail(field, reason);
            return value;
        }
    }
}
