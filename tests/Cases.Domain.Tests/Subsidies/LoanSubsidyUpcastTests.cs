using Cases.Domain.Enterprises;
using Cases.Domain.Rules;
using Cases.Domain.Subsidies;

namespace Cases.Domain.Tests.Subsidies;

/// <summary>Loan subsidy events recorded before schema 2 still load: the fields schema 2 added come back as "not known then".</summary>
public sealed class LoanSubsidyUpcastTests
{
    [Fact]
    public void ASchema1LoanRequestLoadsAsMadeBeforeAnyReview()
    {
        var decider = new EnterpriseDecider(new RuleSet());

        var e = decider.Events.Deserialize("LoanInterestSubsidyRequested", 1,
            """{"loanReference":"L-1","principalCny":1000000,"interestCny":50000,"coveragePercent":50,"ipBacked":true,"requestedAmountCny":25000,"requestedOn":"2025-06-01"}""");

        var requested = Assert.IsType<LoanInterestSubsidyRequested>(e);
        Assert.Equal(("L-1", 25_000L, true, false), (requested.LoanReference, requested.RequestedAmountCny, requested.IpBacked, requested.PassedReview));
    }

    [Theory]
    [InlineData("LoanInterestSubsidyCommitted", """{"enterpriseKey":"E-1","loanReference":"L-1","amountCny":60000,"remainingBudgetCny":40000,"committedBy":"officer:li","ruleSetVersion":"2024.1"}""")]
    [InlineData("LoanInterestSubsidyRefused", """{"enterpriseKey":"E-1","loanReference":"L-1","requestedCny":60000,"reason":"budget","remainingBudgetCny":0,"ruleSetVersion":"2024.1"}""")]
    public void ASchema1LoanDecisionLoadsWithoutConditions(string type, string payload)
    {
        var decider = new SubsidyProgramDecider(new RuleSet());

        var e = decider.Events.Deserialize(type, 1, payload);

        var evaluation = e switch
        {
            LoanInterestSubsidyCommitted c => c.Evaluation,
            LoanInterestSubsidyRefused r => r.Evaluation,
            _ => throw new InvalidOperationException(e.GetType().Name),
        };
        Assert.Null(evaluation);
    }
}
