using Cases.Domain.Disciplines;
using Cases.Domain.Parks;
using Orleans;

namespace Cases.Domain.Rules;

/// <summary>Every threshold the rules use, under one version that each decision records; configuration, not literals in code.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RuleSet")]
public sealed record RuleSet
{
    /// <summary>The version a decision names, e.g. "2024.2"; a changed threshold is a new version.</summary>
    // 2024.2: item 3's STEM and medical fields are disciplines of the national catalogue (DisciplineClasses), no longer five words;
    // Art. 1 reads the nationality held when going abroad; a start-up grant requested before its programme opens waits for it.
    // 2024.3: loan interest subsidy requests reach the year's programme, are judged on stated conditions (review, bank loan, coverage
    // within the Art. 6 / item 7 limits) and are committed only by an officer, up to the amount requested.
    // Also 2024.3: a permit imported from before the platform is a held permit (Art. 18 path C, Art. 17); an enterprise whose start-up grant was imported is not reviewed for another.
    [Id(0)]
    public string Version { get; init; } = "2024.3";

    /// <summary>Art. 1: study abroad must exceed this many days in total ("more than one year": 365 days is not enough).</summary>
    [Id(1)]
    public int StudyAbroadMoreThanDays { get; init; } = 365;

    /// <summary>Art. 1 "recently returned", returnee-measures-2024 item 3: the return lies at most this many years before the application (to the day).</summary>
    [Id(2)]
    public int RecentReturnYears { get; init; } = 3;

    /// <summary>Returnee-measures-2024 item 3, path A: the degree-granting university ranks at or within this place.</summary>
    [Id(3)]
    public int TopUniversityRank { get; init; } = 200;

    /// <summary>Item 3 "for key industries, university ranking requirements may be relaxed": the rank limit for those industries.</summary>
    [Id(4)]
    public int KeyIndustryUniversityRank { get; init; } = 500;

    /// <summary>Item 2/3: the key industries (artificial intelligence, healthcare, integrated circuits).</summary>
    [Id(5)]
    public IReadOnlyList<string> KeyIndustries { get; init; } = ["artificial-intelligence", "healthcare", "integrated-circuits"];

    /// <summary>Art. 17/18, item 3: children are minors while younger than this on the application date.</summary>
    [Id(7)]
    public int MinorAgeLimitYears { get; init; } = 18;

    /// <summary>Art. 17: the foreigners' residence permit runs this many years, never past the passport's expiry.</summary>
    [Id(8)]
    public int ForeignResidencePermitYears { get; init; } = 2;

    /// <summary>Art. 17: the alternative multiple-entry visa runs this many years, never past the passport's expiry.</summary>
    [Id(9)]
    public int MultipleEntryVisaYears { get; init; } = 1;

    /// <summary>Item 10, Art. 23: the free transitional housing term.</summary>
    [Id(10)]
    public int TransitionalHousingMonths { get; init; } = 6;

    /// <summary>Art. 6: the initial start-up support per reviewed enterprise, in CNY.</summary>
    [Id(11)]
    public long StartupGrantCny { get; init; } = 100_000;

    /// <summary>Art. 10: the average annual tax above which an enterprise gets preferential talent introduction, in CNY.</summary>
    [Id(12)]
    public long PreferentialAverageAnnualTaxCny { get; init; } = 1_000_000;

    /// <summary>Art. 10: the years the tax average runs over.</summary>
    [Id(13)]
    public int PreferentialTaxYears { get; init; } = 3;

    /// <summary>Parks Q&amp;A: the evaluation counts talent teams attracted in this many recent years.</summary>
    [Id(14)]
    public int ParkEvaluationWindowYears { get; init; } = 3;

    /// <summary>Parks Q&amp;A: the evaluation score at or above which a park is "outstanding" and may be accredited.</summary>
    [Id(15)]
    public int ParkOutstandingScore { get; init; } = 80;

    /// <summary>Parks Q&amp;A: how the annual evaluation's score is made up.</summary>
    [Id(16)]
    public ParkScoring ParkScoring { get; init; } = new();

    /// <summary>
    /// Item 3 "STEM or medical fields": the class of codes of the national catalogue of disciplines (2022), a category such as "08"
    /// or a subject such as "1401"; an entry takes the class of its longest listed code, and one matched by none is other.
    /// </summary>
    /// <remarks>A dictionary, so configuration can change a code's class ("Cases:Rules:DisciplineClasses:09": "Other") as well as add one.</remarks>
    [Id(17)]
    public IReadOnlyDictionary<string, DisciplineClass> DisciplineClasses { get; init; } = new Dictionary<string, DisciplineClass>
    {
        ["07"] = DisciplineClass.Stem, // 理学
        ["08"] = DisciplineClass.Stem, // 工学
        ["09"] = DisciplineClass.Stem, // 农学: crop, animal, veterinary and forest sciences
        ["10"] = DisciplineClass.Medical, // 医学
        ["0252"] = DisciplineClass.Stem, // 应用统计, under 经济学 but statistics as 0714 is
        ["1401"] = DisciplineClass.Stem, // 集成电路科学与工程
        ["1404"] = DisciplineClass.Stem, // 遥感科学与技术
        ["1405"] = DisciplineClass.Stem, // 智能科学与技术
        ["1406"] = DisciplineClass.Stem, // 纳米科学与工程
        ["1452"] = DisciplineClass.Stem, // 密码
    };

    /// <summary>Art. 6 "partial or full interest subsidy" on bank loans: the largest share of the loan's interest covered, in percent (100 is full).</summary>
    [Id(18)]
    public int LoanInterestMaxCoveragePercent { get; init; } = 100;

    /// <summary>
    /// Returnee-measures-2024 item 7: IP-backed loans get "a percentage of actual interest"; the measure names no figure, so the default
    /// is Art. 6's full coverage and configuration may lower it.
    /// </summary>
    [Id(19)]
    public int IpBackedLoanInterestMaxCoveragePercent { get; init; } = 100;

    /// <summary>
    /// The city's time zone (IANA id): every domain date (application, approval, admission, grant, payment) is its wall-clock date.
    /// China Standard Time has no daylight saving, so "Asia/Shanghai" is UTC+8 all year; changing it is a new rule set version.
    /// </summary>
    [Id(20)]
    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>The calendar of <see cref="TimeZone"/>.</summary>
    public CityCalendar Calendar => CityCalendar.For(TimeZone);
}
