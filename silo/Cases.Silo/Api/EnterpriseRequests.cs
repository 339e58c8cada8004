using Cases.Domain.Enterprises;

namespace Cases.Silo.Api;

/// <summary>Registers an enterprise under the given id (Art. 5, 6); the founders are applicant keys of recognised returnees.</summary>
public sealed record RegisterEnterpriseRequest(
    string Id,
    string Name,
    IReadOnlyList<string>? FounderApplicantKeys,
    bool RegisteredWithPassport,
    long RegisteredCapitalCny,
    string Industry,
    string District)
{
    public const int MaxFounders = 20;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Validation.Errors();
        errors.Id("id", Id);
        errors.Text("name", Name);
        errors.Text("industry", Industry, max: 64);
        errors.Id("district", District);
        errors.Amount("registeredCapitalCny", RegisteredCapitalCny);
        if (FounderApplicantKeys is not { Count: > 0 } founders)
        {
            errors.Add("founderApplicantKeys", "must name at least one founder");
            return errors.ByField;
        }
        errors.Check("founderApplicantKeys", founders.Count <= MaxFounders, $"must hold at most {MaxFounders} items (got {founders.Count})");
        foreach (var (key, i) in founders.Take(MaxFounders).Select((k, i) => (k, i)))
            errors.Id($"founderApplicantKeys[{i}]", key);
        errors.Check("founderApplicantKeys", founders.Distinct(StringComparer.Ordinal).Count() == founders.Count, "must not name a founder twice");
        return errors.ByField;
    }
}

/// <summary>The overseas-talent centre's review (Art. 6); a pass asks the year's programme for the start-up grant.</summary>
public sealed record ReviewEnterpriseRequest(bool? Passed, string Reason)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Validation.Errors();
        errors.Check("passed", Passed is not null, "is required");
        errors.Text("reason", Reason);
        return errors.ByField;
    }
}

/// <summary>An officer's decision to admit the enterprise to a park for incubation, with its reason.</summary>
public sealed record ParkAdmissionRequest(string ParkKey, string Reason)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Validation.Errors();
        errors.Id("parkKey", ParkKey);
        errors.Text("reason", Reason, multiline: true);
        return errors.ByField;
    }
}

/// <summary>A park operator's proposal to incubate the enterprise in their park.</summary>
public sealed record ParkAdmissionProposalRequest(string ParkKey)
{
    public Dictionary<string, string[]> Validate() => Validation.OfId("parkKey", ParkKey);
}

/// <summary>Incubation progress; Year is given for revenue and tax only, which are per calendar year.</summary>
public sealed record MilestoneRequest(MilestoneKind? Kind, long Value, int? Year, string? Reference)
{
    /// <summary>The most patents one milestone grants.</summary>
    public const long MaxPatents = 10_000;

    /// <summary>The largest staff count: more than any enterprise employs.</summary>
    public const long MaxStaff = 10_000_000;

    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Validation.Errors();
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", $"must be one of {string.Join(", ", Enum.GetNames<MilestoneKind>())}");
            return errors.ByField;
        }
        // A funding round raises money and a patent milestone grants at least one; staff, revenue and tax may be zero.
        var zeroAllowed = kind is not (MilestoneKind.FundingRound or MilestoneKind.Patent);
        errors.Count("value", Value, kind switch { MilestoneKind.Patent => MaxPatents, MilestoneKind.StaffCount => MaxStaff, _ => Validation.MaxAmountCny }, zeroAllowed);
        if (kind is MilestoneKind.Revenue or MilestoneKind.TaxPaid)
            errors.Check("year", Year is { } y && y >= 1900 && y <= today.Year, $"is required for {kind} and must lie between 1900 and {today.Year}");
        else
            errors.Check("year", Year is null, $"must be left out for {kind}, which is not recorded per year");
        if (Reference is not null)
            errors.Text("reference", Reference);
        return errors.ByField;
    }
}

/// <summary>Takes the enterprise out of its park without graduating.</summary>
public sealed record ExitRequest(string Reason)
{
    public Dictionary<string, string[]> Validate() => Validation.OfReason(Reason);
}

/// <summary>An officer's Art. 10 finding on whether the business scope fits the city's industrial orientation.</summary>
public sealed record TalentPreferenceRequest(bool? BusinessScopeInLineWithIndustrialOrientation)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Validation.Errors();
        errors.Check("businessScopeInLineWithIndustrialOrientation", BusinessScopeInLineWithIndustrialOrientation is not null, "is required");
        return errors.ByField;
    }
}

/// <summary>Asks for a partial (1-99 %) or full (100 %) interest subsidy on a bank or IP-backed loan (Art. 6; item 7).</summary>
public sealed record LoanInterestSubsidyRequest(string LoanReference, long PrincipalCny, long InterestCny, int CoveragePercent, bool IpBacked)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Validation.Errors();
        errors.Id("loanReference", LoanReference);
        errors.Amount("principalCny", PrincipalCny);
        errors.Amount("interestCny", InterestCny);
        errors.Check("coveragePercent", CoveragePercent is >= 1 and <= 100, "must be 1 to 99 (partial) or 100 (full)");
        return errors.ByField;
    }
}
