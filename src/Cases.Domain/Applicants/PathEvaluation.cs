using Cases.Domain.Rules;
using Orleans;

namespace Cases.Domain.Applicants;

/// <summary>One household-registration path (A, B or C of returnee-measures-2024 item 3) as evaluated, with its own conditions.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.PathEvaluation")]
public sealed record PathEvaluation(string Path, Evaluation Evaluation);
