using Orleans;

namespace Cases.Domain.Enterprises;

/// <summary>A command to an enterprise grain.</summary>
public interface IEnterpriseCommand;

/// <summary>Registers an enterprise founded by returnees (Art. 5); registration with a passport is allowed (Art. 6).</summary>
/// <remarks>The founders' recognition as overseas-educated personnel is checked by the caller against their applicant grains.</remarks>
[GenerateSerializer, Immutable]
[Alias("cases.RegisterEnterprise")]
public sealed record RegisterEnterprise(
    string Name,
    IReadOnlyList<string> FounderApplicantKeys,
    bool RegisteredWithPassport,
    long RegisteredCapitalCny,
    string Industry,
    string District) : IEnterpriseCommand;

/// <summary>The overseas-talent centre's review of the enterprise (Art. 6); only an officer may decide it.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ReviewEnterprise")]
public sealed record ReviewEnterprise(bool Passed, string Reason) : IEnterpriseCommand;

/// <summary>Records the subsidy programme's answer to the start-up grant request (Art. 6), as the programme's stream delivers it.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordGrantDecision")]
public sealed record RecordGrantDecision(bool Awarded, long AmountCny, string Reason) : IEnterpriseCommand;

/// <summary>A park's operator proposes incubating the enterprise in their park; it takes effect on a founder's consent.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ProposeParkAdmission")]
public sealed record ProposeParkAdmission(string ParkKey) : IEnterpriseCommand;

/// <summary>A founder consents to a park's proposal, which admits the enterprise to that park.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ConsentToParkAdmission")]
public sealed record ConsentToParkAdmission(string ParkKey) : IEnterpriseCommand;

/// <summary>An officer admits the enterprise to a park for incubation, a decision stating its reason.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.AdmitToPark")]
public sealed record AdmitToPark(string ParkKey, string Reason) : IEnterpriseCommand;

/// <summary>Records incubation progress; Year is required for revenue and tax, which are per calendar year.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordMilestone")]
public sealed record RecordMilestone(MilestoneKind Kind, long Value, int? Year = null, string? Reference = null) : IEnterpriseCommand;

/// <summary>Graduates the enterprise from its park's incubation.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.Graduate")]
public sealed record Graduate : IEnterpriseCommand;

/// <summary>Takes the enterprise out of its park without graduating.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.LeavePark")]
public sealed record LeavePark(string Reason) : IEnterpriseCommand;

/// <summary>Evaluates Art. 10 preferential talent introduction; an officer states whether the business scope fits the city's industrial orientation.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.EvaluateTalentIntroductionPreference")]
public sealed record EvaluateTalentIntroductionPreference(bool BusinessScopeInLineWithIndustrialOrientation) : IEnterpriseCommand;

/// <summary>Asks for a partial or full interest subsidy on a bank loan (Art. 6), or on an IP-backed loan (returnee-measures-2024 item 7).</summary>
/// <remarks>CoveragePercent 100 asks for the full interest, 1..99 for part of it.</remarks>
[GenerateSerializer, Immutable]
[Alias("cases.RequestLoanInterestSubsidy")]
public sealed record RequestLoanInterestSubsidy(
    string LoanReference,
    long PrincipalCny,
    long InterestCny,
    int CoveragePercent,
    bool IpBacked) : IEnterpriseCommand;

/// <summary>Records the subsidy programme's commitment or refusal of a loan interest subsidy, as the programme's stream delivers it.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordLoanInterestSubsidyDecision")]
public sealed record RecordLoanInterestSubsidyDecision(string LoanReference, bool Committed, long AmountCny, string Reason) : IEnterpriseCommand;

/// <summary>Records a payment of a committed loan interest subsidy, as the programme's stream delivers it.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.RecordLoanInterestSubsidyPayment")]
public sealed record RecordLoanInterestSubsidyPayment(string LoanReference, long AmountCny, DateOnly PaidOn) : IEnterpriseCommand;
