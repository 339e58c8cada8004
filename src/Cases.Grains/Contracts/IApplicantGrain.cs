using Cases.Domain.Applicants;

namespace Cases.Grains.Contracts;

/// <summary>An applicant's case: recognition (Art. 1), permit (Art. 4), household registration (item 3; Art. 18) and foreign residence (Art. 17); keyed by the grain key of its "applicant" stream.</summary>
public interface IApplicantGrain : IDeciderGrain<ApplicantState, IApplicantCommand>;
