using Cases.Domain.Applicants;
using Cases.Domain.Audit;
using Cases.Domain.Enterprises;
using Cases.Domain.Housing;
using Cases.Domain.Imports;
using Cases.Domain.Parks;
using Cases.Domain.ReadModels;
using Cases.Domain.Rules;
using Cases.Domain.Subsidies;
using Cases.Domain.Deciders;

namespace Cases.Domain;

/// <summary>Every grain type of the platform under one rule set, and the subscriptions that carry decisions between them.</summary>
public sealed class Programme
{
    public Programme(RuleSet rules)
    {
        Rules = rules;
        Applicants = new ApplicantDecider(rules);
        Housing = new HousingDecider(rules);
        HousingOffices = new HousingOfficeDecider(rules);
        Enterprises = new EnterpriseDecider(rules);
        SubsidyPrograms = new SubsidyProgramDecider(rules);
        Parks = new ParkDecider(rules);
        AccessLogs = new AccessLogDecider();
        TokenRevocations = new TokenRevocationsDecider();
        ImportLogs = new ImportLogDecider();
        Subscriptions = ProgrammeSubscriptions.Create(this);
        ReadModels = new ProgrammeReadModels(this);
    }

    public RuleSet Rules { get; }

    public ApplicantDecider Applicants { get; }

    public HousingDecider Housing { get; }

    public HousingOfficeDecider HousingOffices { get; }

    public EnterpriseDecider Enterprises { get; }

    public SubsidyProgramDecider SubsidyPrograms { get; }

    public ParkDecider Parks { get; }

    public AccessLogDecider AccessLogs { get; }

    public TokenRevocationsDecider TokenRevocations { get; }

    public ImportLogDecider ImportLogs { get; }

    /// <summary>The deciders a silo registers so that streams can reach every grain type.</summary>
    public IReadOnlyList<IDecider> Deciders => [Applicants, Housing, HousingOffices, Enterprises, SubsidyPrograms, Parks, AccessLogs, TokenRevocations, ImportLogs];

    public IReadOnlyList<Subscription> Subscriptions { get; }

    /// <summary>The read models the decision streams feed from the log.</summary>
    public ProgrammeReadModels ReadModels { get; }

    /// <summary>The key of the year's start-up support programme (Art. 6).</summary>
    public static string StartupProgrammeKey(int year) => $"startup-{year}";
}
