using Cases.Domain.Applicants;
using Cases.Domain.Housing;
using Cases.Domain.Rules;
using Cases.Domain.Tests.Applicants;
using Cases.Runtime.Events;
using Cases.Runtime.Grains;
using Cases.Runtime.Hosting;
using Cases.Runtime.Streams;
using Cases.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Cases.Domain.Tests.Streams;

/// <summary>One silo process over a database file: store, runtime with every programme grain, and (optionally) stream delivery.</summary>
internal sealed class ProgrammeSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset ApprovalDay = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private ProgrammeSilo(SqliteEventStore store, GrainRuntime runtime, StreamDispatcher? dispatcher)
    {
        Store = store;
        Runtime = runtime;
        Dispatcher = dispatcher;
    }

    public static Programme Programme { get; } = new(new RuleSet());

    public SqliteEventStore Store { get; }

    public GrainRuntime Runtime { get; }

    public StreamDispatcher? Dispatcher { get; }

    public static async Task<ProgrammeSilo> StartAsync(string databasePath, bool deliver = true, string checkpoint = "streams")
    {
        var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = databasePath });
        await store.InitializeAsync();
        var runtime = new GrainRuntime(store);
        foreach (var decider in Programme.Deciders)
            runtime.Register(decider);
        StreamDispatcher? dispatcher = null;
        if (deliver)
        {
            dispatcher = new StreamDispatcher(runtime, Programme.Subscriptions, new StreamOptions { CheckpointName = checkpoint, PollInterval = TimeSpan.FromMilliseconds(20) });
            await dispatcher.StartAsync();
        }
        return new ProgrammeSilo(store, runtime, dispatcher);
    }

    public GrainRef<ApplicantState, IApplicantCommand> Applicant(string key) => Runtime.GetGrain(Programme.Applicants, key);

    public GrainRef<HousingState, IHousingCommand> Housing(string key) => Runtime.GetGrain(Programme.Housing, key);

    public GrainRef<HousingOfficeState, IHousingOfficeCommand> Office(string district) => Runtime.GetGrain(Programme.HousingOffices, district);

    /// <summary>Registers an applicant who meets Art. 1, gets recognised, applies for the permit and has it approved by an officer; answers the approval event.</summary>
    public async Task<StoredEvent> ApprovePermitAsync(string key, string district = "haidian")
    {
        var applicant = Applicant(key);
        var profile = ApplicantProfiles.Baseline() with { IdentityDocument = key, HomeDistrict = district };
        await Expect(applicant.ExecuteAsync(new RegisterApplicant(profile), As($"applicant:{key}")));
        await Expect(applicant.ExecuteAsync(new ApplyForRecognition($"REC-{key}"), As($"applicant:{key}")));
        await Expect(applicant.ExecuteAsync(new ApplyForPermit($"RWP-{key}", null, "employer-certificate-7"), As($"applicant:{key}")));
        var approval = await Expect(applicant.ExecuteAsync(new ApprovePermit($"RWP-{key}", "Art. 4: recognised, employer certificate on file"), As("officer:wang")));
        return approval.Events.Single(e => e.EventType == nameof(PermitApproved));
    }

    public async Task<StoredEvent> RevokePermitAsync(string key, string reason) =>
        (await Expect(Applicant(key).ExecuteAsync(new RevokePermit($"RWP-{key}", reason), As("officer:wang")))).Events.Single();

    public async Task<IReadOnlyList<StoredEvent>> StreamAsync(string streamId) => await Store.ReadStreamAsync(streamId, 1, long.MaxValue).ToListAsync();

    public async ValueTask DisposeAsync()
    {
        if (Dispatcher is not null)
            await Dispatcher.DisposeAsync();
        await Runtime.DisposeAsync();
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public static CommandMeta As(string actor) => new(Actor: actor, Now: ApprovalDay);

    /// <summary>Polls until the condition holds; streams are asynchronous, so effects are awaited, not assumed.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }

    private static async Task<CommandResult> Expect(Task<CommandResult> command)
    {
        var result = await command;
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        return result;
    }
}
