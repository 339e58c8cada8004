namespace Cases.Silo.Auth;

/// <summary>The roles of DESIGN.md "Interfaces"; a token names one role and, for applicants and park operators, whose case or park.</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string Officer = "officer";
    public const string Operator = "operator";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Applicant, Officer, Operator, Auditor, Admin];

    /// <summary>The claim holding the subject: an applicant's key, a park's key, or a person's name.</summary>
    public const string SubjectClaim = "cases:sub";
}
