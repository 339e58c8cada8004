namespace Cases.Silo.Api;

/// <summary>Opens the year's start-up support programme (Art. 6) with its budget; its key is startup-{year}.</summary>
public sealed record OpenProgrammeRequest(int? Year, long? BudgetCny)
{
    public const int FirstYear = 2000;

    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Validation.Errors();
        errors.Check("year", Year is { } y && y >= FirstYear && y <= today.Year + 1, $"is required and must lie between {FirstYear} and {today.Year + 1}");
        errors.Check("budgetCny", BudgetCny is not null, "is required");
        errors.Amount("budgetCny", BudgetCny, zeroAllowed: true);
        return errors.ByField;
    }
}

/// <summary>Pays an enterprise's awarded start-up grant, or, with a loan reference, AmountCny of a committed loan interest subsidy.</summary>
public sealed record PaymentRequest(string EnterpriseKey, string? LoanReference, long? AmountCny)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Validation.Errors();
        errors.Id("enterpriseKey", EnterpriseKey);
        if (LoanReference is null)
        {
            // A start-up grant is paid whole, so its amount is the programme's, never the caller's.
            errors.Check("amountCny", AmountCny is null, "must be left out when paying a start-up grant (it is paid whole)");
            return errors.ByField;
        }
        errors.Id("loanReference", LoanReference);
        errors.Check("amountCny", AmountCny is not null, "is required for a loan interest subsidy payment");
        errors.Amount("amountCny", AmountCny);
        return errors.ByField;
    }
}

/// <summary>An officer's commitment of a queued loan interest subsidy; AmountCny, when given, is at most the amount requested.</summary>
public sealed record LoanCommitmentRequest(string EnterpriseKey, string LoanReference, long? AmountCny)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Validation.Errors();
        errors.Id("enterpriseKey", EnterpriseKey);
        errors.Id("loanReference", LoanReference);
        errors.Amount("amountCny", AmountCny);
        return errors.ByField;
    }
}

/// <summary>An officer's refusal of a queued loan interest subsidy, with the reason recorded and shown to the enterprise.</summary>
public sealed record LoanRefusalRequest(string EnterpriseKey, string LoanReference, string Reason)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Validation.Errors();
        errors.Id("enterpriseKey", EnterpriseKey);
        errors.Id("loanReference", LoanReference);
        errors.Text("reason", Reason, multiline: true);
        return errors.ByField;
    }
}
