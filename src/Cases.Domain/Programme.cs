using Cases.Domain.Applicants;
using Cases.Domain.Audit;
using Cases.Domain.Enterprises;
using Cases.Domain.Housing;
using Cases.Domain.Parks;
using Cases.Domain.Rules;
using Cases.Domain.Subsidies;
using Cases.Runtime.Grains;
using Cases.Runtime.Streams;

namespace Cases.Domain;

/// <summary>Every grain type of the platform under one rule set, and the subscriptions that carry decisions between them.</summary>
public sealed class Programme
{
    public Programme(RuleSet rules)
    {
        Rules = rules;
        Applicants = new ApplicantGrain(rules);
        Housing = new HousingGrain(rules);
        HousingOffices = new HousingOfficeGrain(rules);
        Enterprises = new EnterpriseGrain(rules);
        SubsidyPrograms = new SubsidyProgramGrain(rules);
        Parks = new ParkGrain(rules);
        AccessLogs = new AccessLogGrain();
        Subscriptions = ProgrammeSubscriptions.Create(this);
    }

    public RuleSet Rules { get; }

    public ApplicantGrain Applicants { get; }

    public HousingGrain Housing { get; }

    public HousingOfficeGrain HousingOffices { get; }

    public EnterpriseGrain Enterprises { get; }

    public SubsidyProgramGrain SubsidyPrograms { get; }

    public ParkGrain Parks { get; }

    public AccessLogGrain AccessLogs { get; }

    /// <summary>The deciders a silo registers so that streams can reach every grain type.</summary>
    public IReadOnlyList<IDecider> Deciders => [Applicants, Housing, HousingOffices, Enterprises, SubsidyPrograms, Parks, AccessLogs];

    public IReadOnlyList<Subscription> Subscriptions { get; }

    /// <summary>The key of the year's start-up support programme (Art. 6).</summary>
    public static string StartupProgrammeKey(int year) => $"startup-{year}";
}
