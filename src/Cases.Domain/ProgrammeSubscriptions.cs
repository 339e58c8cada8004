using Cases.Domain.Applicants;
using Cases.Domain.Enterprises;
using Cases.Domain.Housing;
using Cases.Domain.Parks;
using Cases.Domain.Subsidies;
using Cases.Domain.Deciders;
using Cases.Journal.Events;

namespace Cases.Domain;

/// <summary>The decision streams between grains (DESIGN.md "Streams"); a subscription's name is part of every delivered command id, so names never change.</summary>
internal static class ProgrammeSubscriptions
{
    public static IReadOnlyList<Subscription> Create(Programme p) =>
    [
        .. Housing(p),
        .. StartupSupport(p),
        .. LoanInterestSubsidies(p),
        .. ParkRoster(p),
    ];

    // Item 10; Art. 23: an approved permit opens a housing case and asks the district office for a transitional unit;
    // a revoked permit ends housing eligibility and gives the unit back.
    // An imported permit (PermitImported) opens no housing case: it was issued years ago, when the six-month transitional term would have run.
    // An imported park admission emits EnterpriseAdmittedToPark, so the roster below lists it; an imported grant asks no programme for money.
    private static IEnumerable<Subscription> Housing(Programme p)
    {
        yield return p.Applicants.When<PermitApproved>("permit-approved.opens-housing-case", (e, approved) =>
            [new Delivery(new GrainKey(p.Housing.GrainType, KeyOf(e)), new OpenHousingCase(approved.PermitId, approved.District, approved.ApprovedOn))]);
        yield return p.Applicants.When<PermitApproved>("permit-approved.requests-transitional-unit", (e, approved) =>
            [new Delivery(new GrainKey(p.HousingOffices.GrainType, approved.District), new AllocateTransitionalUnit(KeyOf(e), approved.PermitId, approved.ApprovedOn))]);
        yield return p.HousingOffices.When<TransitionalUnitAllocated>("unit-allocated.recorded-on-case", (_, a) =>
            [new Delivery(new GrainKey(p.Housing.GrainType, a.ApplicantKey), new RecordUnitAllocation(a.UnitId, a.From, a.Until))]);
        yield return p.HousingOffices.When<ApplicantWaitlisted>("applicant-waitlisted.recorded-on-case", (_, w) =>
            [new Delivery(new GrainKey(p.Housing.GrainType, w.ApplicantKey), new RecordWaitlisted(w.Position))]);
        yield return p.HousingOffices.When<TransitionalUnitReleased>("unit-released.recorded-on-case", (_, r) =>
            [new Delivery(new GrainKey(p.Housing.GrainType, r.ApplicantKey), new RecordUnitReleased(r.UnitId, r.On, r.Reason))]);
        yield return p.Applicants.When<PermitRevoked>("permit-revoked.ends-housing-eligibility", (e, revoked) =>
            [new Delivery(new GrainKey(p.Housing.GrainType, KeyOf(e)), new RevokeHousingEligibility(revoked.PermitId, $"permit revoked: {revoked.Reason}"))]);
        yield return p.Applicants.When<PermitRevoked>("permit-revoked.releases-transitional-unit", (e, revoked) =>
            [new Delivery(new GrainKey(p.HousingOffices.GrainType, revoked.District), new ReleaseTransitionalUnit(KeyOf(e), p.Rules.Calendar.DateOf(e.OccurredAt), $"permit revoked: {revoked.Reason}"))]);
    }

    // Art. 6: an enterprise that passed the centre's review asks the year's programme for the CNY 100,000 start-up support; the answer goes back.
    private static IEnumerable<Subscription> StartupSupport(Programme p)
    {
        yield return p.Enterprises.When<EnterpriseReviewed>("enterprise-reviewed.requests-startup-grant", (e, reviewed) => reviewed.Passed
            ? [new Delivery(new GrainKey(p.SubsidyPrograms.GrainType, Programme.StartupProgrammeKey(reviewed.ProgrammeYear)), new RequestStartupGrant(KeyOf(e)))]
            : []);
        yield return p.SubsidyPrograms.When<GrantAwarded>("grant-awarded.recorded-on-enterprise", (e, awarded) =>
            [new Delivery(new GrainKey(p.Enterprises.GrainType, awarded.EnterpriseKey), new RecordGrantDecision(true, awarded.AmountCny, $"awarded by {KeyOf(e)}"))]);
        yield return p.SubsidyPrograms.When<GrantRefused>("grant-refused.recorded-on-enterprise", (_, refused) =>
            [new Delivery(new GrainKey(p.Enterprises.GrainType, refused.EnterpriseKey), new RecordGrantDecision(false, 0, refused.Reason))]);
    }

    // Art. 6; returnee-measures-2024 item 7: a loan interest subsidy request goes to the year's programme; its decision and payments come back.
    private static IEnumerable<Subscription> LoanInterestSubsidies(Programme p)
    {
        // The year the enterprise asked: interest is subsidised from the budget of the year it is claimed, not of a review years before.
        yield return p.Enterprises.When<LoanInterestSubsidyRequested>("loan-subsidy-requested.reaches-programme", (e, r) =>
            [new Delivery(new GrainKey(p.SubsidyPrograms.GrainType, Programme.StartupProgrammeKey(r.RequestedOn.Year)), new SubmitLoanInterestSubsidyRequest(new LoanSubsidyRequest(
                KeyOf(e), r.LoanReference, r.PrincipalCny, r.InterestCny, r.CoveragePercent, r.IpBacked, r.RequestedAmountCny, r.RequestedOn, r.PassedReview)))]);
        yield return p.SubsidyPrograms.When<LoanInterestSubsidyCommitted>("loan-subsidy-committed.recorded-on-enterprise", (e, c) =>
            [new Delivery(new GrainKey(p.Enterprises.GrainType, c.EnterpriseKey),
                new RecordLoanInterestSubsidyDecision(c.LoanReference, true, c.AmountCny, $"committed by {c.CommittedBy} from {KeyOf(e)}"))]);
        yield return p.SubsidyPrograms.When<LoanInterestSubsidyRefused>("loan-subsidy-refused.recorded-on-enterprise", (_, r) =>
            [new Delivery(new GrainKey(p.Enterprises.GrainType, r.EnterpriseKey), new RecordLoanInterestSubsidyDecision(r.LoanReference, false, 0, r.Reason))]);
        yield return p.SubsidyPrograms.When<LoanInterestSubsidyPaid>("loan-subsidy-paid.recorded-on-enterprise", (_, paid) =>
            [new Delivery(new GrainKey(p.Enterprises.GrainType, paid.EnterpriseKey), new RecordLoanInterestSubsidyPayment(paid.LoanReference, paid.AmountCny, paid.PaidOn))]);
    }

    // Parks Q&A: admission, progress, graduation and exit keep the park's roster current.
    private static IEnumerable<Subscription> ParkRoster(Programme p)
    {
        yield return p.Enterprises.When<EnterpriseAdmittedToPark>("enterprise-admitted.joins-park-roster", (e, admitted) =>
            [new Delivery(new GrainKey(p.Parks.GrainType, admitted.ParkKey), new AddToRoster(KeyOf(e), admitted.AdmittedOn))]);
        yield return p.Enterprises.When<MilestoneRecorded>("milestone-recorded.updates-park-roster", (e, milestone) => milestone.ParkKey is { } park
            ? [new Delivery(new GrainKey(p.Parks.GrainType, park), new RecordRosterMilestone(KeyOf(e), milestone.Kind, milestone.Value, milestone.Year, milestone.RecordedOn))]
            : []);
        yield return p.Enterprises.When<EnterpriseGraduated>("enterprise-graduated.updates-park-roster", (e, graduated) =>
            [new Delivery(new GrainKey(p.Parks.GrainType, graduated.ParkKey), new UpdateRosterStage(KeyOf(e), RosterStage.Graduated, graduated.GraduatedOn))]);
        yield return p.Enterprises.When<EnterpriseLeftPark>("enterprise-left.leaves-park-roster", (e, left) =>
            [new Delivery(new GrainKey(p.Parks.GrainType, left.ParkKey), new RemoveFromRoster(KeyOf(e), left.Reason, left.LeftOn))]);
    }

    private static string KeyOf(StoredEvent e) => GrainKey.Parse(e.StreamId).Key;
}
