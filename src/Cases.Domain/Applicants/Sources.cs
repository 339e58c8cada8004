namespace Cases.Domain.Applicants;

/// <summary>The policy provisions that applicant conditions cite in their <c>Source</c>.</summary>
public static class Sources
{
    public const string Art1 = "overseas-educated-personnel-measures Art. 1";
    public const string Art4 = "overseas-educated-personnel-measures Art. 4";
    public const string Art17 = "overseas-educated-personnel-measures Art. 17";
    public const string Art18 = "overseas-educated-personnel-measures Art. 18";
    public const string Item3 = "returnee-measures-2024 item 3";
    public const string Item3PathA = "returnee-measures-2024 item 3 (path A)";
    public const string Item3PathB = "returnee-measures-2024 item 3 (path B)";
    public const string Item3PathC = "returnee-measures-2024 item 3 (path C); Art. 18";
}
