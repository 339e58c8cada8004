using Cases.Domain.Enterprises;
using Cases.Domain.Parks;
using Cases.Domain.Subsidies;
using Cases.Runtime.Grains;
using Cases.Runtime.Hosting;

namespace Cases.Domain.Tests.Streams;

public sealed class EnterprisePropagationTests : IDisposable
{
    private static readonly CommandMeta Officer = ProgrammeSilo.As("officer:zhao");
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-enterprise-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AReviewedEnterpriseGetsTheStartupGrantUntilTheYearsBudgetIsSpentAndHearsTheAnswer()
    {
        await using var silo = await ProgrammeSilo.StartAsync(Path.Combine(_folder, "cases.db"));
        var programme = silo.Runtime.GetGrain(ProgrammeSilo.Programme.SubsidyPrograms, Programme.StartupProgrammeKey(2026));
        await Accept(programme.ExecuteAsync(new OpenProgramme(2026, 100_000), Officer));

        var first = await ReviewAsync(silo.Runtime, "E-1");
        var second = await ReviewAsync(silo.Runtime, "E-2");
        await ProgrammeSilo.Eventually(async () => (await Enterprise(silo.Runtime, "E-2").GetStateAsync()).State.StartupGrant is not null, "both answers are back");

        var awarded = (await Enterprise(silo.Runtime, "E-1").GetStateAsync()).State.StartupGrant!;
        var refused = (await Enterprise(silo.Runtime, "E-2").GetStateAsync()).State.StartupGrant!;
        Assert.Equal((true, 100_000L), (awarded.Awarded, awarded.AmountCny));
        Assert.Equal((false, 0L), (refused.Awarded, refused.AmountCny));
        var programmeEvents = await silo.StreamAsync("subsidy-program/startup-2026");
        Assert.Equal(first.EventId.ToString("D"), programmeEvents.Single(e => e.EventType == nameof(GrantAwarded)).CausationId);
        Assert.Equal(second.EventId.ToString("D"), programmeEvents.Single(e => e.EventType == nameof(GrantRefused)).CausationId);
    }

    [Fact]
    public async Task AdmissionProgressAndGraduationKeepTheParksRosterCurrent()
    {
        await using var silo = await ProgrammeSilo.StartAsync(Path.Combine(_folder, "cases.db"));
        var enterprise = Enterprise(silo.Runtime, "E-7");
        await Accept(enterprise.ExecuteAsync(Registration(), ProgrammeSilo.As("applicant:P-1")));
        await Accept(enterprise.ExecuteAsync(new AdmitToPark("zgc-01"), ProgrammeSilo.As("operator:zgc-01")));
        await Accept(enterprise.ExecuteAsync(new RecordMilestone(MilestoneKind.Patent, 1), ProgrammeSilo.As("operator:zgc-01")));
        await Accept(enterprise.ExecuteAsync(new Graduate(), ProgrammeSilo.As("operator:zgc-01")));

        var park = silo.Runtime.GetGrain(ProgrammeSilo.Programme.Parks, "zgc-01");
        await ProgrammeSilo.Eventually(async () => (await park.GetStateAsync()).State.Roster.GetValueOrDefault("E-7")?.Stage == RosterStage.Graduated, "the roster shows graduation");

        Assert.Equal(1, (await park.GetStateAsync()).State.Roster["E-7"].Patents);
    }

    private static GrainRef<EnterpriseState, IEnterpriseCommand> Enterprise(GrainRuntime runtime, string key) =>
        runtime.GetGrain(ProgrammeSilo.Programme.Enterprises, key);

    private static RegisterEnterprise Registration() => new("Qingyun Robotics", ["P-1"], true, 1_000_000, "artificial-intelligence", "haidian");

    private static async Task<Runtime.Events.StoredEvent> ReviewAsync(GrainRuntime runtime, string key)
    {
        var enterprise = Enterprise(runtime, key);
        await Accept(enterprise.ExecuteAsync(Registration(), ProgrammeSilo.As("applicant:P-1")));
        var review = await Accept(enterprise.ExecuteAsync(new ReviewEnterprise(true, "Art. 6: founded by a recognised returnee"), Officer));
        return review.Events.Single();
    }

    private static async Task<CommandResult> Accept(Task<CommandResult> command)
    {
        var result = await command;
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        return result;
    }
}
