using Cases.Domain.Applicants;
using Cases.Domain.ReadModels;
using Cases.Domain.Tests.Applicants;
using Cases.Grains.Contracts;
using Cases.Grains.ReadModels;
using Cases.Grains.Tests.Support;
using Cases.Journal.Events;
using Cases.Journal.Storage;

namespace Cases.Grains.Tests.ReadModels;

/// <summary>Steps the read-model tests share: a pending permit, reading the queue of one district, and events appended behind the grains' back.</summary>
public static class ReadModelSteps
{
    /// <summary>Registers and recognises an applicant of the district and has the permit applied for; answers the application event.</summary>
    public static async Task<StoredEvent> PendingPermitAsync(this GrainsCluster silo, string key, string district)
    {
        var applicant = silo.Grain<IApplicantGrain>(key);
        var profile = ApplicantProfiles.Baseline() with { IdentityDocument = key, HomeDistrict = district };
        await ProgrammeSteps.Expect(applicant.Execute(new RegisterApplicant(profile), ProgrammeSteps.As($"applicant:{key}")));
        await ProgrammeSteps.Expect(applicant.Execute(new ApplyForRecognition($"REC-{key}"), ProgrammeSteps.As($"applicant:{key}")));
        var applied = await ProgrammeSteps.Expect(applicant.Execute(new ApplyForPermit($"RWP-{key}", null, "employer-certificate-7"), ProgrammeSteps.As($"applicant:{key}")));
        return applied.Events.Single();
    }

    /// <summary>The whole queue of one district, oldest first.</summary>
    public static async Task<IReadOnlyList<PendingApplication>> QueueOfAsync(this GrainsCluster silo, string district) =>
        (await OfficerQueueReads.PageAsync(silo.Grains, new QueueFilter(null, district), 0, 200)).Applications;

    /// <summary>Appends one event to a stream as if a grain had committed it (the read models read the log, not the grains).</summary>
    public static async Task<StoredEvent> AppendAsync(this IEventStore store, string streamId, long expectedVersion, string type, string payload, Guid? causedBy = null)
    {
        var e = new PendingEvent(Guid.CreateVersion7(), type, 1, payload, DateTimeOffset.UtcNow, "test:read-models", $"cmd-{Guid.NewGuid():N}",
            causedBy?.ToString("D"), "corr-read-models");
        var result = await store.AppendAsync(new AppendRequest(streamId, expectedVersion, [new CommandAppend(e.CommandId, [e], null)]));
        return Assert.IsType<AppendResult.Committed>(result).EventsByCommand[0].Single();
    }

    /// <summary>Appends events to a new stream in one command, each with its own cause.</summary>
    public static async Task<IReadOnlyList<StoredEvent>> AppendManyAsync(this IEventStore store, string streamId, IReadOnlyList<(string Type, string Payload, Guid? CausedBy)> events)
    {
        var command = $"cmd-{Guid.NewGuid():N}";
        var pending = events.Select(e => new PendingEvent(Guid.CreateVersion7(), e.Type, 1, e.Payload, DateTimeOffset.UtcNow, "test:read-models", command,
            e.CausedBy?.ToString("D"), "corr-read-models")).ToList();
        var result = await store.AppendAsync(new AppendRequest(streamId, 0, [new CommandAppend(command, pending, null)]));
        return Assert.IsType<AppendResult.Committed>(result).EventsByCommand[0];
    }
}
