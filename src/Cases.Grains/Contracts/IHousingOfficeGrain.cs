using Cases.Domain.Housing;

namespace Cases.Grains.Contracts;

/// <summary>A district housing office: its transitional units and waitlist (item 10; Art. 23); keyed by the grain key of its "housing-office" stream.</summary>
public interface IHousingOfficeGrain : IDeciderGrain<HousingOfficeState, IHousingOfficeCommand>;
