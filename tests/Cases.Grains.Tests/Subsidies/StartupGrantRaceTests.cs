using Cases.Domain.Rules;
using Cases.Domain.Subsidies;
using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;

namespace Cases.Grains.Tests.Subsidies;

/// <summary>Art. 6 start-up grants racing for one programme's budget through a real Orleans grain on SQLite.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class StartupGrantRaceTests(SharedCluster shared)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task AThousandConcurrentRequestsAwardExactlyTheBudgetAndNeverOvercommit()
    {
        var rules = new RuleSet();
        var decider = new SubsidyProgramDecider(rules);
        var key = $"startup-2026-race-{Guid.NewGuid():N}";
        var grain = shared.Silo.Grain<ISubsidyProgramGrain>(key);
        var budget = 300 * rules.StartupGrantCny;
        var opened = await grain.Execute(new OpenProgramme(2026, budget), new CommandMeta(CommandId: "open", Actor: "officer:li", Now: Now));
        Assert.True(opened.IsAccepted, opened.Rejection?.ToString());

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => grain.Execute(
            new RequestStartupGrant($"ent-{i:D4}"),
            new CommandMeta(CommandId: $"request-{i}", Actor: "system:streams", Now: Now)))));

        Assert.All(results, r => Assert.True(r.IsAccepted, r.Rejection?.ToString()));
        var answers = results.Select(r => decider.Deserialize(Assert.Single(r.Events))).ToList();
        var awarded = answers.OfType<GrantAwarded>().ToList();
        Assert.Equal(300, awarded.Count);
        Assert.Equal(700, answers.OfType<GrantRefused>().Count());
        Assert.Equal(300, awarded.Select(a => a.EnterpriseKey).Distinct().Count());
        var (state, version) = await grain.GetState();
        Assert.Equal(0, state.RemainingBudgetCny);
        Assert.Equal(budget, state.CommittedCny);
        Assert.Equal(1001, version);

        var stored = await shared.Silo.StreamAsync($"subsidy-program/{key}");
        Assert.Equal(Enumerable.Range(1, 1001).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.IsType<ProgrammeOpened>(decider.Deserialize(stored[0]));
        var remaining = budget;
        foreach (var e in stored.Skip(1).Select(decider.Deserialize))
        {
            switch (e)
            {
                case GrantAwarded a:
                    remaining -= a.AmountCny;
                    Assert.Equal(rules.StartupGrantCny, a.AmountCny);
                    Assert.Equal(remaining, a.RemainingBudgetCny);
                    break;
                case GrantRefused r:
                    Assert.Equal(remaining, r.RemainingBudgetCny);
                    Assert.True(r.RemainingBudgetCny < rules.StartupGrantCny, $"{r.EnterpriseKey} was refused with CNY {r.RemainingBudgetCny} left.");
                    break;
                default:
                    Assert.Fail($"Unexpected {e.GetType().Name} in the race.");
                    break;
            }
            Assert.True(remaining >= 0, $"The budget went negative: {remaining}.");
        }
        Assert.Equal(0, remaining);
    }

    [Fact]
    public async Task ARepeatedRequestAfterAnAwardIsRejectedAndStoresNothing()
    {
        var decider = new SubsidyProgramDecider(new RuleSet());
        var grain = shared.Silo.Grain<ISubsidyProgramGrain>($"startup-2026-repeat-{Guid.NewGuid():N}");
        await grain.Execute(new OpenProgramme(2026, 1_000_000), new CommandMeta(CommandId: "open", Actor: "officer:li", Now: Now));
        var first = await grain.Execute(new RequestStartupGrant("ent-1"), new CommandMeta(CommandId: "first", Actor: "system", Now: Now));

        var second = await grain.Execute(new RequestStartupGrant("ent-1"), new CommandMeta(CommandId: "second", Actor: "system", Now: Now));

        Assert.IsType<GrantAwarded>(decider.Deserialize(Assert.Single(first.Events)));
        Assert.Equal("grant-already-awarded", second.Rejection?.Code);
        var (state, version) = await grain.GetState();
        Assert.Equal(2, version);
        Assert.Equal(900_000, state.RemainingBudgetCny);
    }
}
