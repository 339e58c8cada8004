using Orleans;

namespace Cases.Domain.Subsidies;

/// <summary>A command to a year's subsidy programme.</summary>
public interface ISubsidyProgramCommand;

/// <summary>Opens the programme for a year with its budget; an officer's act.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.OpenProgramme")]
public sealed record OpenProgramme(int Year, long BudgetCny) : ISubsidyProgramCommand;

/// <summary>Asks for the start-up grant for an enterprise that passed the centre's review (Art. 6).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RequestStartupGrant")]
public sealed record RequestStartupGrant(string EnterpriseKey) : ISubsidyProgramCommand;

/// <summary>Pays out an awarded start-up grant; an officer's act.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.PayGrant")]
public sealed record PayGrant(string EnterpriseKey) : ISubsidyProgramCommand;

/// <summary>Brings an enterprise's loan interest subsidy request to the programme, as the enterprise's stream delivers it (Art. 6; item 7).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.SubmitLoanInterestSubsidyRequest")]
public sealed record SubmitLoanInterestSubsidyRequest(LoanSubsidyRequest Request) : ISubsidyProgramCommand;

/// <summary>Commits a queued loan interest subsidy against the budget, AmountCny or (when null) the amount requested; an officer's act.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.CommitLoanInterestSubsidy")]
public sealed record CommitLoanInterestSubsidy(string EnterpriseKey, string LoanReference, long? AmountCny = null) : ISubsidyProgramCommand;

/// <summary>Refuses a queued loan interest subsidy for the stated reason; an officer's act.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RefuseLoanInterestSubsidy")]
public sealed record RefuseLoanInterestSubsidy(string EnterpriseKey, string LoanReference, string Reason) : ISubsidyProgramCommand;

/// <summary>Pays (part of) a committed loan interest subsidy; an officer's act.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.PayLoanInterestSubsidy")]
public sealed record PayLoanInterestSubsidy(string EnterpriseKey, string LoanReference, long AmountCny) : ISubsidyProgramCommand;
