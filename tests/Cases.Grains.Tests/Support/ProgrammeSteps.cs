using Cases.Domain.Applicants;
using Cases.Domain.Tests.Applicants;
using Cases.Grains.Contracts;
using Cases.Journal.Events;

namespace Cases.Grains.Tests.Support;

/// <summary>The programme steps the stream tests take through real grain calls.</summary>
public static class ProgrammeSteps
{
    public static readonly DateTimeOffset ApprovalDay = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    public static CommandMeta As(string actor) => new(Actor: actor, Now: ApprovalDay);

    /// <summary>Registers an applicant who meets Art. 1, gets recognised, applies for the permit and has it approved by an officer; answers the approval event.</summary>
    public static async Task<StoredEvent> ApprovePermitAsync(this GrainsCluster silo, string key, string district = "haidian")
    {
        var applicant = silo.Grain<IApplicantGrain>(key);
        var profile = ApplicantProfiles.Baseline() with { IdentityDocument = key, HomeDistrict = district };
        await Expect(applicant.Execute(new RegisterApplicant(profile), As($"applicant:{key}")));
        await Expect(applicant.Execute(new ApplyForRecognition($"REC-{key}"), As($"applicant:{key}")));
        await Expect(applicant.Execute(new ApplyForPermit($"RWP-{key}", null, "employer-certificate-7"), As($"applicant:{key}")));
        var approval = await Expect(applicant.Execute(new ApprovePermit($"RWP-{key}", "Art. 4: recognised, employer certificate on file"), As("officer:wang")));
        return approval.Events.Single(e => e.EventType == nameof(PermitApproved));
    }

    public static async Task<StoredEvent> RevokePermitAsync(this GrainsCluster silo, string key, string reason) =>
        (await Expect(silo.Grain<IApplicantGrain>(key).Execute(new RevokePermit($"RWP-{key}", reason), As("officer:wang")))).Events.Single();

    /// <summary>Awaits a command that must be accepted.</summary>
    public static async Task<CommandResult> Expect(Task<CommandResult> command)
    {
        var result = await command;
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        return result;
    }
}
