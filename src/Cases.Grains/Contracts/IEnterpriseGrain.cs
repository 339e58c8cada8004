using Cases.Domain.Enterprises;

namespace Cases.Grains.Contracts;

/// <summary>An enterprise founded by returnees: review, start-up support, park stay, milestones and loans (Art. 5, 6, 10); keyed by the grain key of its "enterprise" stream.</summary>
public interface IEnterpriseGrain : IDeciderGrain<EnterpriseState, IEnterpriseCommand>;
