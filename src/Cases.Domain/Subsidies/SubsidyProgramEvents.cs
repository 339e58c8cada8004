using Cases.Domain.Rules;
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

/// <summary>A loan interest subsidy request arrived before the programme was opened; the opening judges it in the order requests were recorded.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyRequestWaiting")]
public sealed record LoanInterestSubsidyRequestWaiting(LoanSubsidyRequest Request, string Reason, string RuleSetVersion) : ISubsidyProgramEvent;

/// <summary>A loan interest subsidy request met its conditions and joined the officers' queue, where it waits for a commitment or refusal.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyRequestQueued")]
public sealed record LoanInterestSubsidyRequestQueued(LoanSubsidyRequest Request, Evaluation Eligibility) : ISubsidyProgramEvent;

/// <summary>A loan interest subsidy was committed against the budget; Evaluation lists the conditions it met (null on records before schema 2).</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyCommitted")]
public sealed record LoanInterestSubsidyCommitted(
    string EnterpriseKey,
    string LoanReference,
    long AmountCny,
    long RemainingBudgetCny,
    string CommittedBy,
    string RuleSetVersion,
    Evaluation? Evaluation = null) : ISubsidyProgramEvent;

/// <summary>A loan interest subsidy was refused: a condition failed, the remaining budget does not cover it, or an officer refused it.</summary>
/// <remarks>Evaluation lists each condition with its reason (null on records before schema 2).</remarks>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyRefused")]
public sealed record LoanInterestSubsidyRefused(
    string EnterpriseKey,
    string LoanReference,
    long RequestedCny,
    string Reason,
    long RemainingBudgetCny,
    string RuleSetVersion,
    Evaluation? Evaluation = null) : ISubsidyProgramEvent;

/// <summary>(Part of) a committed loan interest subsidy was paid.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LoanInterestSubsidyPaid")]
public sealed record LoanInterestSubsidyPaid(string EnterpriseKey, string LoanReference, long AmountCny, DateOnly PaidOn, string PaidBy) : ISubsidyProgramEvent;
