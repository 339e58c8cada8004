using Cases.Domain.Deciders;

namespace Cases.Domain.Enterprises;

/// <summary>How an enterprise enters a park (parks Q&amp;A: parks "attract and support" returnee enterprises): its founders' consent to a park's proposal, or an officer's decision.</summary>
/// <remarks>A park's operator manages the enterprises in their park, so an operator alone never puts one there.</remarks>
internal static class EnterpriseParkAdmission
{
    private const string OperatorPrefix = "operator:";
    private const string ApplicantPrefix = "applicant:";

    public static Decision<IEnterpriseEvent> Propose(EnterpriseState state, ProposeParkAdmission propose, CommandContext context)
    {
        if (string.IsNullOrWhiteSpace(propose.ParkKey))
            return EnterpriseDecider.Reject("park-missing", "Name the park.");
        // Parks Q&A: a park attracts enterprises to itself; only its own operator speaks for it.
        if (context.Actor != OperatorPrefix + propose.ParkKey)
            return EnterpriseDecider.Reject("not-allowed", $"Only the operator of park {propose.ParkKey} proposes admissions to it.");
        if (Refusal(state, propose.ParkKey) is { } refused)
            return refused;
        if (state.CurrentParkKey == propose.ParkKey || state.AdmissionProposals.ContainsKey(propose.ParkKey))
            return EnterpriseDecider.Accept(); // Already there, or already proposed: proposing again changes nothing.
        return EnterpriseDecider.Accept(new ParkAdmissionProposed(propose.ParkKey, context.Actor, context.Today));
    }

    public static Decision<IEnterpriseEvent> Consent(EnterpriseState state, ConsentToParkAdmission consent, CommandContext context)
    {
        // Art. 5: the founders establish the enterprise, so one of them decides where it is incubated.
        if (!IsFounder(state, context.Actor))
            return EnterpriseDecider.Reject("not-allowed", "Only a founder of the enterprise consents to its admission to a park.");
        if (Refusal(state, consent.ParkKey) is { } refused)
            return refused;
        if (state.CurrentParkKey == consent.ParkKey)
            return EnterpriseDecider.Accept(); // Already admitted there: consenting again is a no-op.
        if (!state.AdmissionProposals.ContainsKey(consent.ParkKey))
            return EnterpriseDecider.Reject("no-admission-proposal", $"Park {consent.ParkKey} has not proposed admitting the enterprise.");
        return EnterpriseDecider.Accept(
            new ParkAdmissionConsented(consent.ParkKey, context.Actor, context.Today),
            new EnterpriseAdmittedToPark(consent.ParkKey, context.Today));
    }

    public static Decision<IEnterpriseEvent> Admit(EnterpriseState state, AdmitToPark admit, CommandContext context, string ruleSetVersion)
    {
        if (!context.ByOfficer)
            return EnterpriseDecider.Reject("not-an-officer", $"Only a centre officer admits an enterprise to a park without its founders' consent; {context.Actor} is not one.");
        if (string.IsNullOrWhiteSpace(admit.ParkKey))
            return EnterpriseDecider.Reject("park-missing", "Name the park.");
        if (string.IsNullOrWhiteSpace(admit.Reason))
            return EnterpriseDecider.Reject("reason-missing", "An admission decided by an officer states its reason.");
        if (Refusal(state, admit.ParkKey) is { } refused)
            return refused;
        if (state.CurrentParkKey == admit.ParkKey)
            return EnterpriseDecider.Accept(); // Already there: admitting again is a no-op.
        return EnterpriseDecider.Accept(
            new ParkAdmissionDecided(admit.ParkKey, admit.Reason, context.Actor, context.Today, ruleSetVersion),
            new EnterpriseAdmittedToPark(admit.ParkKey, context.Today));
    }

    // Why the enterprise cannot enter this park now; the other park goes unnamed, since a proposing operator may not see it.
    private static Decision<IEnterpriseEvent>? Refusal(EnterpriseState state, string parkKey)
    {
        if (state.CurrentParkKey is { } current && current != parkKey)
            return EnterpriseDecider.Reject("already-in-park", "The enterprise is incubated in another park; it must leave first.");
        // Incubation ends with graduation; a graduate is not incubated again.
        return state.GraduatedFromParkKey is not null
            ? EnterpriseDecider.Reject("already-graduated", "The enterprise graduated from its park; a graduate is not incubated again.")
            : null;
    }

    private static bool IsFounder(EnterpriseState state, string actor) =>
        actor.StartsWith(ApplicantPrefix, StringComparison.Ordinal) && state.Registration!.FounderApplicantKeys.Contains(actor[ApplicantPrefix.Length..]);
}
