using Cases.Domain.Housing;

namespace Cases.Grains.Contracts;

/// <summary>An applicant's housing case: transitional housing, then rental subsidy or talent apartment (item 10; Art. 23); keyed by the grain key of its "housing" stream.</summary>
public interface IHousingGrain : IDeciderGrain<HousingState, IHousingCommand>;
