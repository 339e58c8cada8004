using System.Collections.Immutable;
using Orleans;

namespace Cases.Domain.Subsidies;

/// <summary>A programme's year, budget, commitments, payments, the requests waiting for its opening and the officers' loan queue; immutable and JSON-serializable.</summary>
/// <remarks>Commitments count against the budget when made; payments only draw down what was committed.</remarks>
[GenerateSerializer, Immutable]
[Alias("cases.SubsidyProgramState")]
public sealed record SubsidyProgramState(
    bool IsOpen,
    int Year,
    long BudgetCny,
    long CommittedCny,
    long PaidCny,
    int GrantsRefused,
    ImmutableDictionary<string, StartupGrantCommitment> Grants,
    ImmutableDictionary<string, LoanSubsidyCommitment> LoanSubsidies,
    ImmutableList<WaitingGrantRequest> WaitingRequests,
    ImmutableList<LoanSubsidyRequest> WaitingLoanRequests,
    ImmutableList<LoanSubsidyRequest> LoanRequests)
{
    /// <summary>The state of a programme not yet opened.</summary>
    public static SubsidyProgramState Empty { get; } = new(
        false, 0, 0, 0, 0, 0,
        ImmutableDictionary<string, StartupGrantCommitment>.Empty,
        ImmutableDictionary<string, LoanSubsidyCommitment>.Empty,
        ImmutableList<WaitingGrantRequest>.Empty,
        ImmutableList<LoanSubsidyRequest>.Empty,
        ImmutableList<LoanSubsidyRequest>.Empty);

    /// <summary>The budget not yet committed; never negative.</summary>
    public long RemainingBudgetCny => BudgetCny - CommittedCny;

    /// <summary>Whether a request of the enterprise waits for the opening.</summary>
    public bool IsWaiting(string enterpriseKey) => WaitingRequests.Exists(w => w.EnterpriseKey == enterpriseKey);

    /// <summary>Whether the loan is known to the programme: waiting for the opening, queued for an officer, or committed.</summary>
    public bool KnowsLoan(string loanKey) =>
        LoanSubsidies.ContainsKey(loanKey) || WaitingLoanRequests.Exists(r => r.Key == loanKey) || LoanRequests.Exists(r => r.Key == loanKey);

    /// <summary>The key of a loan subsidy: enterprise and loan reference together.</summary>
    public static string LoanKey(string enterpriseKey, string loanReference) => $"{enterpriseKey}|{loanReference}";
}
