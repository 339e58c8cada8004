using Cases.Domain;
using Cases.Domain.Applicants;
using Cases.Domain.Enterprises;
using Cases.Domain.Housing;
using Cases.Domain.Subsidies;
using Cases.Grains.Contracts;

namespace Cases.Benchmarks.Reads;

/// <summary>The realistic mix of the seeded store: one applicant's life through the programme per index, decided by the index alone so a resumed seed repeats it exactly.</summary>
/// <remarks>Every command carries a command id made of the applicant and the step, so repeating an index after a resume is answered as a retry and appends nothing.
/// "Now" is left to the grains' clock: the store's recording times are the seed's own minutes, as in a live silo.</remarks>
internal sealed class SeedMix(IGrainFactory grains, SeedTally tally)
{
    /// <summary>Beijing's sixteen districts: the housing offices and the queue's district filter.</summary>
    public static readonly IReadOnlyList<string> Districts =
    [
        "dongcheng", "xicheng", "chaoyang", "haidian", "fengtai", "shijingshan", "mentougou", "fangshan",
        "tongzhou", "shunyi", "changping", "daxing", "huairou", "pinggu", "miyun", "yanqing",
    ];

    /// <summary>The entrepreneurship parks that admit the seeded enterprises.</summary>
    public static readonly IReadOnlyList<string> Parks = ["zgc-science-park", "yizhuang-park", "huairou-science-city", "future-science-city"];

    // Measured on this mix: about seven events per applicant (the decision streams' effects included).
    public const double EventsPerApplicant = 7;
    private const int UnitsPerCommand = 250;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The applicant grain key of an index.</summary>
    public static string Key(int i) => $"S-{i:D7}";

    /// <summary>Opens this year's start-up programme and gives every district office units for about nine in ten of the approvals a target will see.</summary>
    public async Task PrepareAsync(long targetEvents)
    {
        var year = Today.Year;
        await Run(grains.GetGrain<ISubsidyProgramGrain>(Programme.StartupProgrammeKey(year))
            .Execute(new OpenProgramme(year, 400_000_000), Meta("seed:programme", "officer:seed")), "open-programme");
        // Whole chunks, each always the same command, so a resumed seed with another target repeats them as retries.
        var chunks = (int)(targetEvents / EventsPerApplicant * 0.7 * 0.9 / Districts.Count / UnitsPerCommand) + 1;
        await Parallel.ForEachAsync(Districts, async (district, _) =>
        {
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                var units = Enumerable.Range(chunk * UnitsPerCommand, UnitsPerCommand).Select(u => $"{district}-unit-{u:D5}").ToList();
                await Run(grains.GetGrain<IHousingOfficeGrain>(district).Execute(new AddTransitionalUnits(units), Meta($"seed:units:{chunk}", "admin:seed")), "add-units");
            }
        });
    }

    /// <summary>One applicant's life: registered; most recognised; most of those apply for a permit, most permits decided; some households and enterprises.</summary>
    public async Task LiveAsync(int i)
    {
        var key = Key(i);
        var applicant = grains.GetGrain<IApplicantGrain>(key);
        var self = $"applicant:{key}";
        if (!await Run(applicant.Execute(new RegisterApplicant(Profile(i)), Meta($"seed:{key}:register", self)), "register") || Roll(i, 1) < 0.06)
            return; // registered only, has not applied yet
        if (!await Run(applicant.Execute(new ApplyForRecognition($"REC-{key}"), Meta($"seed:{key}:recognition", self)), "recognition") || FailsArt1(i) || Roll(i, 2) < 0.05)
            return; // refused by the rules (studied abroad too briefly), or recognised and not applying for a permit yet
        if (!await Run(applicant.Execute(new ApplyForPermit($"RWP-{key}", null, $"employer-certificate-{i}"), Meta($"seed:{key}:permit", self)), "permit"))
            return;
        var decision = Roll(i, 3);
        if (decision < 0.04)
            return; // pending: the officers' backlog
        if (decision < 0.16)
        {
            await Run(applicant.Execute(new RejectPermit($"RWP-{key}", "Art. 4: the employer certificate could not be verified"), Meta($"seed:{key}:permit-decision", Officer(i))), "reject-permit");
            return;
        }
        if (!await Run(applicant.Execute(new ApprovePermit($"RWP-{key}", "Art. 4: recognised, employer certificate on file"), Meta($"seed:{key}:permit-decision", Officer(i))), "approve-permit"))
            return;
        if (Roll(i, 4) < 0.25)
            await HouseholdAsync(i, applicant);
        if (Roll(i, 5) < 0.06)
            await EnterpriseAsync(i);
    }

    // Household registration (item 3; Art. 18): most approved, a few rejected, a few waiting for an officer.
    private async Task HouseholdAsync(int i, IApplicantGrain applicant)
    {
        var key = Key(i);
        if (!await Run(applicant.Execute(new ApplyForHouseholdRegistration($"HR-{key}", Roll(i, 6) < 0.5, []), Meta($"seed:{key}:household", $"applicant:{key}")), "household"))
            return;
        var decision = Roll(i, 7);
        if (decision < 0.10)
            return;
        var command = decision < 0.18
            ? (IApplicantCommand)new RejectHouseholdRegistration($"HR-{key}", "employment unverified")
            : new ApproveHouseholdRegistration($"HR-{key}", "path A verified");
        await Run(applicant.Execute(command, Meta($"seed:{key}:household-decision", Officer(i))), "household-decision");
    }

    // Art. 5, 6: founded by the returnee; reviewed (most pass, which asks the programme for the grant); half of those admitted to a park, with milestones.
    private async Task EnterpriseAsync(int i)
    {
        var key = $"E-{i:D7}";
        var enterprise = grains.GetGrain<IEnterpriseGrain>(key);
        var district = Districts[i % Districts.Count];
        var register = new RegisterEnterprise($"Seed Robotics {i}", [Key(i)], Roll(i, 8) < 0.3, 1_000_000, "artificial-intelligence", district);
        if (!await Run(enterprise.Execute(register, Meta($"seed:{key}:register", $"applicant:{Key(i)}")), "register-enterprise"))
            return;
        var passed = Roll(i, 9) < 0.85;
        if (!await Run(enterprise.Execute(new ReviewEnterprise(passed, passed ? "Art. 6: founded by a recognised returnee" : "Art. 6: founder not recognised at founding"),
                Meta($"seed:{key}:review", Officer(i))), "review-enterprise") || !passed || Roll(i, 10) < 0.5)
            return;
        var park = Parks[i % Parks.Count];
        if (!await Run(enterprise.Execute(new AdmitToPark(park, "fits the park's orientation"), Meta($"seed:{key}:admit", Officer(i))), "admit-to-park"))
            return;
        var operatorActor = $"operator:{park}";
        await Run(enterprise.Execute(new RecordMilestone(MilestoneKind.Patent, 1), Meta($"seed:{key}:patent", operatorActor)), "milestone");
        await Run(enterprise.Execute(new RecordMilestone(MilestoneKind.Revenue, 500_000 + i % 1000 * 1000, Today.Year), Meta($"seed:{key}:revenue", operatorActor)), "milestone");
    }

    // About 3% studied abroad under a year: Art. 1 refuses their recognition.
    private static bool FailsArt1(int i) => Roll(i, 11) < 0.03;

    private static ApplicantProfile Profile(int i)
    {
        var district = Districts[i % Districts.Count];
        var returned = Today.AddDays(-30 - i % 700);
        var studied = FailsArt1(i) ? 200 : 400 + i % 900;
        return new ApplicantProfile
        {
            IdentityDocument = Key(i),
            Name = $"Seed Applicant {i}",
            Nationality = "CN",
            Passport = PassportKind.Chinese,
            PassportExpiry = Today.AddYears(6),
            Degrees = [new Degree(i % 5 == 0 ? DegreeLevel.Doctorate : DegreeLevel.Master, Countries[i % Countries.Length], "computer science", 20 + i % 180, returned.AddDays(-20), true)],
            StudyAbroad = [new StudyPeriod(returned.AddDays(-20 - studied), returned.AddDays(-20))],
            ReturnedOn = returned,
            Employer = new Employment($"Employer {i % 500}", district, true, Industries[i % Industries.Length]),
            HomeDistrict = district,
        };
    }

    private static readonly string[] Countries = ["GB", "US", "DE", "JP", "AU", "CA", "FR", "SG"];

    private static readonly string[] Industries = ["artificial-intelligence", "integrated-circuits", "finance", "biomedicine"];

    private static string Officer(int i) => $"officer:seed-{i % 16:D2}";

    private static CommandMeta Meta(string commandId, string actor) => new(CommandId: commandId, Actor: actor);

    private async Task<bool> Run(Task<CommandResult> command, string step)
    {
        var result = await command;
        tally.Answered(step, result);
        return result.IsAccepted;
    }

    /// <summary>A fraction in [0, 1) fixed by the index and the question (SplitMix64), the same on every run.</summary>
    private static double Roll(int i, int question)
    {
        var z = (ulong)i * 0x9E3779B97F4A7C15UL + (ulong)question * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
