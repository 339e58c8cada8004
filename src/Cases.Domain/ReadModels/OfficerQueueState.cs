using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>One bucket of the officers' queue: the pending applications of the applicants hashed to it, keyed "kind|applicant".</summary>
[GenerateSerializer]
public sealed class OfficerQueueState : ReadModelState
{
    [Id(0)]
    public SortedDictionary<string, PendingApplication> Pending { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key of an applicant's pending application of a kind (an applicant has at most one of each pending).</summary>
    public static string KeyOf(string kind, string applicantKey) => $"{kind}|{applicantKey}";
}
