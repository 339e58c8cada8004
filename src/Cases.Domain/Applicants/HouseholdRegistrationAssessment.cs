using Cases.Domain.Rules;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>A household registration application as evaluated: the overall result, each path, and each dependant.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.HouseholdRegistrationAssessment")]
public sealed record HouseholdRegistrationAssessment(
    Evaluation Evaluation,
    IReadOnlyList<PathEvaluation> Paths,
    IReadOnlyList<DependantInclusion> Dependants);
