using Cases.Domain.Rules;

namespace Cases.Domain.Applicants;

/// <summary>A household registration application as evaluated: the overall result, each path, and each dependant.</summary>
public sealed record HouseholdRegistrationAssessment(
    Evaluation Evaluation,
    IReadOnlyList<PathEvaluation> Paths,
    IReadOnlyList<DependantInclusion> Dependants);
