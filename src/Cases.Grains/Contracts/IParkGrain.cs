using Cases.Domain.Parks;

namespace Cases.Grains.Contracts;

/// <summary>An entrepreneurship park: its roster of incubated enterprises and its annual evaluation (parks Q&A); keyed by the grain key of its "park" stream.</summary>
public interface IParkGrain : IDeciderGrain<ParkState, IParkCommand>;
