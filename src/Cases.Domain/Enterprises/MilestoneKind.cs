using System.Text.Json.Serialization;
using Orleans;

namespace Cases.Domain.Enterprises;

/// <summary>The kinds of incubation progress an enterprise reports (parks Q&amp;A: funding, patents, staff, revenue; Art. 10: tax).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MilestoneKind>))]
[GenerateSerializer]
[Alias("cases.MilestoneKind")]
public enum MilestoneKind
{
    /// <summary>A funding round closed; the value is the amount raised in CNY.</summary>
    FundingRound,

    /// <summary>Patents granted; the value is how many.</summary>
    Patent,

    /// <summary>The staff count as of the recording date; the value is the headcount.</summary>
    StaffCount,

    /// <summary>Revenue for a calendar year, in CNY.</summary>
    Revenue,

    /// <summary>Tax paid for a calendar year, in CNY; what Art. 10's average is taken over.</summary>
    TaxPaid,
}
