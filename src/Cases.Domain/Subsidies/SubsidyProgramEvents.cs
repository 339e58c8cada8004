using Orleans;

namespace Cases.Domain.Subsidies;

/// <summary>An event in a subsidy programme's timeline.</summary>
public interface ISubsidyProgramEvent;

/// <summary>The programme opened for a year with its budget.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ProgrammeOpened")]
public sealed record ProgrammeOpened(int Year, long BudgetCny, DateOnly OpenedOn, string OpenedBy, string RuleSetVersion) : ISubsidyProgramEvent;

/// <summary>A start-up grant was committed to an enterprise; RemainingBudgetCny is what is left uncommitted after it.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.GrantAwarded")]
public sealed record GrantAwarded(string EnterpriseKey, long AmountCny, long RemainingBudgetCny, DateOnly AwardedOn, string RuleSetVersion) : ISubsidyProgramEvent;

/// <summary>A start-up grant request was refused, e.g. because the remaining budget does not cover a grant.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.GrantRefused")]
public sealed record GrantRefused(string EnterpriseKey, string Reason, long RemainingBudgetCny, string RuleSetVersion) : ISubsidyProgramEvent;

/// <summary>A start-up grant request arrived before the programme was opened; the opening decides it in the order requests were recorded.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.GrantRequestWaiting")]
public sealed record GrantRequestWaiting(string EnterpriseKey, DateOnly RequestedOn, string Reason, string RuleSetVersion) : ISubsidyProgramEvent;

/// <summary>An awarded start-up grant was paid out.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.GrantPaid")]
public sealed record GrantPaid(string EnterpriseKey, long AmountCny, DateOnly PaidOn, string PaidBy) : ISubsidyProgramEvent;

/// <summary>A loan interest subsidy was committed against the budget.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyCommitted")]
public sealed record LoanInterestSubsidyCommitted(
    string EnterpriseKey,
    string LoanReference,
    long AmountCny,
    long RemainingBudgetCny,
    string CommittedBy,
    string RuleSetVersion) : ISubsidyProgramEvent;

/// <summary>A loan interest subsidy was refused, e.g. because the remaining budget does not cover it.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyRefused")]
public sealed record LoanInterestSubsidyRefused(
    string EnterpriseKey,
    string LoanReference,
    long RequestedCny,
    string Reason,
    long RemainingBudgetCny,
    string RuleSetVersion) : ISubsidyProgramEvent;

/// <summary>(Part of) a committed loan interest subsidy was paid.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyPaid")]
public sealed record LoanInterestSubsidyPaid(string EnterpriseKey, string LoanReference, long AmountCny, DateOnly PaidOn, string PaidBy) : ISubsidyProgramEvent;
