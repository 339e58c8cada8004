using Cases.Journal.Storage;

namespace Cases.Benchmarks.Reads;

/// <summary>What the reads of one store ask for: its grains and store, the dashboard's "now", the approvals to trace and the staff search's queries.</summary>
internal sealed record ReadTargets(IGrainFactory Grains, IEventStore Store, DateTimeOffset DashboardNow, IReadOnlyList<Guid> TraceRoots, IReadOnlyList<string> SearchQueries);
