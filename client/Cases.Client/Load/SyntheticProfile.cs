namespace Cases.Client.Load;

/// <summary>An intake body as POST /applicants takes it; enums are sent as their names.</summary>
public sealed record SyntheticProfile(
    string IdentityDocument,
    string Name,
    string Nationality,
    string Passport,
    DateOnly PassportExpiry,
    IReadOnlyList<SyntheticDegree> Degrees,
    IReadOnlyList<SyntheticPeriod> StudyAbroad,
    IReadOnlyList<SyntheticResearch> ResearchAbroad,
    DateOnly ReturnedOn,
    string? TitleBeforeAbroad,
    SyntheticEmployer? Employer,
    string HomeDistrict);

/// <summary>A degree of a synthetic applicant.</summary>
public sealed record SyntheticDegree(string Level, string Country, string Field, int? UniversityRank, DateOnly ObtainedOn, bool ObtainedAbroad);

/// <summary>A period of study abroad.</summary>
public sealed record SyntheticPeriod(DateOnly From, DateOnly To);

/// <summary>Post-doctoral research or an academic visit abroad.</summary>
public sealed record SyntheticResearch(string Kind, string Field, DateOnly From, DateOnly To);

/// <summary>The applicant's employer in the city.</summary>
public sealed record SyntheticEmployer(string Name, string District, bool FullTime, string Industry);
