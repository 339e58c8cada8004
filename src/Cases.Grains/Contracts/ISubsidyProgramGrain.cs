using Cases.Domain.Subsidies;

namespace Cases.Grains.Contracts;

/// <summary>A year's subsidy programme: a budget that never commits more than it holds, however many grants race (Art. 6); keyed by the grain key of its "subsidy-program" stream.</summary>
public interface ISubsidyProgramGrain : IDeciderGrain<SubsidyProgramState, ISubsidyProgramCommand>;
