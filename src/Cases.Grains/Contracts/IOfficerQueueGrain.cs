using Cases.Domain.ReadModels;
using Orleans;

namespace Cases.Grains.Contracts;

/// <summary>One bucket of the officers' queue (<see cref="OfficerQueue"/>).</summary>
public interface IOfficerQueueGrain : IReadModelGrain
{
    /// <summary>The bucket's oldest pending applications after a log position that match the filters, and how many match in all.</summary>
    Task<QueueSlice> Oldest(QueueFilter filter, long afterPosition, int limit);

    /// <summary>Whether the bucket still lists the applicant's pending application of a kind.</summary>
    Task<bool> Lists(string kind, string applicantKey);
}

/// <summary>Which pending applications a queue page lists: one kind, one district, or all (null).</summary>
[GenerateSerializer, Immutable, Alias("cases.QueueFilter")]
public sealed record QueueFilter(string? Kind, string? District)
{
    /// <summary>Whether an application passes the filters.</summary>
    public bool Matches(PendingApplication a) =>
        (Kind is null || a.Kind == Kind) && (District is null || string.Equals(a.District, District, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A bucket's part of a queue page: its oldest matching applications, and how many of its applications match.</summary>
[GenerateSerializer, Immutable, Alias("cases.QueueSlice")]
public sealed record QueueSlice(IReadOnlyList<PendingApplication> Oldest, int Matching);
