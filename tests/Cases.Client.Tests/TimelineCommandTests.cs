using System.Text.Json;
using Cases.Silo.Auth;

namespace Cases.Client.Tests;

/// <summary>`cases timeline` against a real silo: every event in order, as a table or JSON lines, and the problems of unknown streams.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class TimelineCommandTests(CasesSilo silo)
{
    [Fact]
    public async Task TheTimelineListsTheApplicantsEventsOldestFirst()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("timeline", $"applicant/{id}", "--reason", "case review", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var registered = run.Output.IndexOf("ApplicantRegistered", StringComparison.Ordinal);
        var recognised = run.Output.IndexOf("RecognitionEvaluated", StringComparison.Ordinal);
        var applied = run.Output.IndexOf("PermitApplied", StringComparison.Ordinal);
        Assert.True(registered >= 0 && registered < recognised && recognised < applied, run.Output);
        Assert.Contains($"applicant/{id}: 3 event(s).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonPrintsOneEventViewPerLineWithConsecutiveVersions()
    {
        var id = TestProfiles.NewId();
        var own = await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("timeline", $"applicant/{id}", "--json", "--token", own);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var events = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.GetProperty("version").GetInt64()));
        Assert.All(events, e => Assert.Equal($"applicant/{id}", e.GetProperty("stream").GetString()));
        Assert.Equal(64, events[0].GetProperty("hash").GetString()!.Length);
    }

    [Fact]
    public async Task AStreamOfAnUnknownGrainTypeExitsSixAndListsTheKnownTypes()
    {
        var run = await silo.RunAsync("timeline", "applicnt/P-1", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains("[unknown-grain-type]", run.Error, StringComparison.Ordinal);
        Assert.Contains("known types:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownApplicantsTimelineExitsSix()
    {
        var id = TestProfiles.NewId();

        var run = await silo.RunAsync("timeline", $"applicant/{id}", "--reason", "checking", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains($"Stream applicant/{id} does not exist.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AParkOperatorMayNotReadAnApplicantsTimeline()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("timeline", $"applicant/{id}", "--reason", "curious", "--token", silo.Token(Roles.Operator, "zgc-01"));

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
    }
}
