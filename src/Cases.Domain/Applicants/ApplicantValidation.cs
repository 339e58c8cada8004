using Cases.Domain.Disciplines;

namespace Cases.Domain.Applicants;

/// <summary>Shape checks on declared facts, done before any rule reads them; null means valid.</summary>
internal static class ApplicantValidation
{
    public static string? Problem(ApplicantProfile p, string key)
    {
        if (p.IdentityDocument != key)
            return $"The profile's identity document {p.IdentityDocument} is not this applicant's key {key}.";
        if (string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.Nationality) || string.IsNullOrWhiteSpace(p.HomeDistrict))
            return "Name, nationality and home district are required.";
        // Nationality Law Art. 3 and 9: China recognises no dual nationality, so a Chinese national's passport is Chinese.
        if (p.Nationality.Equals("CN", StringComparison.OrdinalIgnoreCase) && p.Passport == PassportKind.Foreign)
            return "A Chinese national (nationality CN) holds a Chinese passport; a returnee naturalised abroad gives the current nationality and nationalityAtDeparture CN.";
        if (p.StudyAbroad.Any(s => s.To < s.From) || p.ResearchAbroad.Any(r => r.To < r.From))
            return "A period abroad ends before it starts.";
        if (p.Degrees.Any(d => string.IsNullOrWhiteSpace(d.Field) || d.UniversityRank is <= 0))
            return "Every degree needs a field, and a university rank, when given, is 1 or more.";
        if (ProfileDisciplines.Unknown(p).FirstOrDefault() is ({ } path, { } field))
            return $"The field '{field}' ({path}) is not a discipline of the national catalogue ({DisciplineCatalogue.Current.Version}); " +
                "give its code (e.g. 0812) or its Chinese or English name.";
        if (p.Employer is { } e && (string.IsNullOrWhiteSpace(e.Name) || string.IsNullOrWhiteSpace(e.District)))
            return "An employer needs a name and a district.";
        return null;
    }

    public static string? Problem(Dependant d)
    {
        if (string.IsNullOrWhiteSpace(d.DependantId) || string.IsNullOrWhiteSpace(d.Name))
            return "A dependant needs an id and a name.";
        if (d.Relation == DependantRelation.Child && d.BirthDate is null)
            return "A child needs a birth date: minority is judged on each application date.";
        return null;
    }
}
