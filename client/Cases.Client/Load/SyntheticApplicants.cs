namespace Cases.Client.Load;

/// <summary>Makes varied, plausible applicants for a recruitment-season surge; dates are relative to today, so roughly two in three meet Art. 1.</summary>
/// <remarks>Not thread-safe: each load worker owns one, with its own random source.</remarks>
public sealed class SyntheticApplicants(string runId, Random random, DateOnly today)
{
    private static readonly string[] Surnames =
        ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo"];

    private static readonly string[] GivenNames =
        ["Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Jun", "Hui", "Xin", "Hao", "Yu", "Ting", "Qiang", "Lina", "Yifan", "Zihan", "Haoran", "Xinyi", "Mingyu", "Jiayi"];

    private static readonly string[] Countries = ["GB", "GB", "US", "US", "US", "AU", "AU", "CA", "DE", "FR", "JP", "SG", "NL", "KR", "SE", "CH"];

    private static readonly string[] ForeignNationalities = ["US", "CA", "AU", "SG", "GB", "DE"];

    // Disciplines as applicants write them (Chinese, English, codes), STEM and medical beside others, so path A of item 3 holds for some and not for others.
    private static readonly string[] Fields =
        ["计算机科学与技术", "computer science", "electrical engineering", "0809", "机械工程", "physics", "数学", "clinical medicine", "药学",
            "finance", "应用经济学", "law", "工商管理", "business administration", "fine arts", "教育学"];

    private static readonly string[] Districts =
        ["haidian", "haidian", "chaoyang", "chaoyang", "dongcheng", "xicheng", "fengtai", "shijingshan", "tongzhou", "changping", "daxing", "shunyi"];

    private static readonly string[] Industries =
        ["artificial-intelligence", "healthcare", "integrated-circuits", "finance", "education", "manufacturing", "software", "biotech", "consulting"];

    private static readonly string[] Employers =
        ["Zhongguancun Robotics", "Haidian Quantum Labs", "Beijing Bio-Med", "North Star Semiconductors", "Capital Fintech", "Yanqi Software", "Jingshi Academy", "Changping Devices"];

    /// <summary>The applicant with the given index: its identity document is unique to this run and index.</summary>
    public SyntheticProfile Next(int index)
    {
        var chinese = random.NextDouble() < 0.92;
        var returnedDaysAgo = random.NextDouble() < 0.75 ? random.Next(0, 3 * 365) : random.Next(3 * 365 + 1, 7 * 365);
        var returnedOn = today.AddDays(-returnedDaysAgo);
        // Most study abroad for well over a year; about one in eight for a year or less (Art. 1 then fails).
        var studyDays = random.NextDouble() < 0.12 ? random.Next(180, 366) : random.Next(400, 6 * 365);
        var studyFrom = returnedOn.AddDays(-studyDays - random.Next(0, 60));
        var studyTo = returnedOn.AddDays(-random.Next(0, 60));
        var field = Pick(Fields);
        var degrees = new List<SyntheticDegree>();
        var research = new List<SyntheticResearch>();
        var level = random.NextDouble() switch
        {
            < 0.20 => "Bachelor",
            < 0.78 => "Master",
            _ => "Doctorate",
        };
        var bachelorOn = studyFrom.AddDays(-random.Next(30, 4 * 365));
        degrees.Add(new SyntheticDegree("Bachelor", "CN", field, Rank(), bachelorOn, false));
        if (level == "Doctorate" && random.NextDouble() < 0.3)
        {
            // A domestic doctorate, then post-doctoral research abroad (Art. 1 (3); item 3 path B).
            degrees.Add(new SyntheticDegree("Doctorate", "CN", field, Rank(), studyFrom.AddDays(-random.Next(30, 365)), false));
            research.Add(new SyntheticResearch("PostDoctoral", field, studyFrom, studyTo));
        }
        else if (level != "Bachelor")
        {
            degrees.Add(new SyntheticDegree(level, Pick(Countries), field, Rank(), studyTo.AddDays(-random.Next(0, 30)), true));
        }
        var studies = research.Count > 0 ? [] : new List<SyntheticPeriod> { new(studyFrom, studyTo) };
        var title = random.NextDouble() switch
        {
            < 0.04 => "Senior",
            < 0.16 => "Intermediate",
            _ => null,
        };
        var district = Pick(Districts);
        var employer = random.NextDouble() < 0.85
            ? new SyntheticEmployer(Pick(Employers), random.NextDouble() < 0.8 ? district : Pick(Districts), random.NextDouble() < 0.92, Pick(Industries))
            : null;
        return new SyntheticProfile(
            IdentityDocument: $"LD-{runId}-{index:D7}",
            Name: $"{Pick(Surnames)} {Pick(GivenNames)}",
            Nationality: chinese ? "CN" : Pick(ForeignNationalities),
            Passport: chinese ? "Chinese" : "Foreign",
            PassportExpiry: today.AddDays(random.Next(200, 10 * 365)),
            Degrees: degrees,
            StudyAbroad: studies,
            ResearchAbroad: research,
            ReturnedOn: returnedOn,
            TitleBeforeAbroad: title,
            Employer: employer,
            HomeDistrict: district);
    }

    private string Pick(string[] items) => items[random.Next(items.Length)];

    // World ranks skew towards the well-known (half within the top 200); one in ten is unranked.
    private int? Rank() => random.NextDouble() switch
    {
        < 0.10 => null,
        < 0.55 => random.Next(1, 201),
        _ => random.Next(201, 1200),
    };
}
