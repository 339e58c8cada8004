using Cases.Journal.Events;

namespace Cases.Silo.Api;

/// <summary>One page of a stream's timeline; <paramref name="NextFromVersion"/> is where the next page starts, or null at the end.</summary>
public sealed record TimelinePage(string Stream, IReadOnlyList<EventView> Events, long? NextFromVersion);

/// <summary>A grain's state replayed from the events recorded up to an instant: what anyone reading the case then saw.</summary>
public sealed record StateAsOf(string Stream, DateTimeOffset AsOf, long Version, DateTimeOffset LastRecordedAt, object State);

/// <summary>The causation trace of an event: its causes from the root down, the event, and everything it caused, directly or not, uncapped.</summary>
public sealed record EventTrace(IReadOnlyList<EventView> Causes, EventView Event, IReadOnlyList<TracedEffect> Effects);

/// <summary>An event the traced event caused; depth 1 is a direct effect, depth 2 an effect of an effect, and so on.</summary>
public sealed record TracedEffect(int Depth, EventView Event);

/// <summary>A stream's hash chain: intact, or the first version where it breaks and why.</summary>
public sealed record ChainView(string Stream, bool Intact, long EventsChecked, long? BrokenAtVersion, string? Problem)
{
    public static ChainView From(ChainVerification v) => new(v.StreamId, v.IsIntact, v.EventsChecked, v.BrokenAtVersion, v.Problem);
}

/// <summary>The whole store's hash chains: intact, or every broken stream with its version and problem.</summary>
public sealed record StoreChainView(bool Intact, IReadOnlyList<ChainView> Broken);

/// <summary>One read of an applicant's personal data: who, in which role, when, why, and what was read.</summary>
public sealed record AccessRecordView(long Version, string By, string Role, DateTimeOffset At, string Reason, string What);

/// <summary>An applicant's access log, paged by version like a timeline.</summary>
public sealed record AccessRecordPage(string ApplicantKey, IReadOnlyList<AccessRecordView> Records, long? NextFromVersion);
