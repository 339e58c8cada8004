namespace Cases.Domain.ReadModels;

/// <summary>The kinds of application that wait for an officer; recognition (Art. 1) and foreign residence (Art. 17) are decided by their rules at once.</summary>
public static class ApplicationKinds
{
    /// <summary>A Residence and Work Permit (Art. 4).</summary>
    public const string Permit = "permit";

    /// <summary>Household registration (returnee-measures-2024 item 3; Art. 18).</summary>
    public const string HouseholdRegistration = "household-registration";

    /// <summary>Every kind, in the order the queue names them.</summary>
    public static IReadOnlyList<string> All { get; } = [Permit, HouseholdRegistration];
}
