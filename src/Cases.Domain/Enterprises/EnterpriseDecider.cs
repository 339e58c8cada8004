using Cases.Domain.Rules;
using Cases.Journal.Events;
using Cases.Domain.Deciders;

namespace Cases.Domain.Enterprises;

/// <summary>An enterprise founded by returnees: registration, centre review, start-up grant, park incubation, progress, Art. 10 and loan subsidies.</summary>
public sealed class EnterpriseDecider(RuleSet rules) : Decider<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>
{
    public const string Type = "enterprise";

    public override string GrainType => Type;

    public override EnterpriseState Initial => EnterpriseState.Empty;

    // 2: pending park admission proposals joined the state; 3: loan subsidies hold what was paid and the review at the request,
    // and imported enterprises their source (ImportedFrom). Older snapshots lack them and are replayed instead.
    public override int StateSchemaVersion => 3;

    public override Decision<IEnterpriseEvent> Decide(EnterpriseState state, IEnterpriseCommand command, CommandContext context)
    {
        if (command is RegisterEnterprise register)
            return Register(state, register, context);
        if (command is ImportParkAdmission importAdmission)
            return EnterpriseImports.ParkAdmission(state, importAdmission, context);
        if (command is ImportStartupGrant importGrant)
            return EnterpriseImports.StartupGrant(state, importGrant, context);
        if (!state.IsRegistered)
            return Reject("not-registered", "The enterprise is not registered.");
        return command switch
        {
            ReviewEnterprise review => Review(state, review, context),
            RecordGrantDecision grant => RecordGrant(state, grant, context),
            ProposeParkAdmission propose => EnterpriseParkAdmission.Propose(state, propose, context),
            ConsentToParkAdmission consent => EnterpriseParkAdmission.Consent(state, consent, context),
            AdmitToPark admit => EnterpriseParkAdmission.Admit(state, admit, context, rules.Version),
            RecordMilestone milestone => EnterpriseMilestones.Record(state, milestone, context.Today),
            Graduate => state.CurrentParkKey is { } park
                ? Accept(new EnterpriseGraduated(park, context.Today))
                : Reject("not-in-park", "Only an enterprise in a park can graduate."),
            LeavePark leave => Leave(state, leave, context),
            EvaluateTalentIntroductionPreference evaluate => EvaluatePreference(state, evaluate, context),
            RequestLoanInterestSubsidy loan => EnterpriseLoans.Request(state, loan, context.Today),
            RecordLoanInterestSubsidyDecision decision => EnterpriseLoans.RecordDecision(state, decision, context.Today),
            RecordLoanInterestSubsidyPayment payment => EnterpriseLoans.RecordPayment(state, payment, context.Today),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not an enterprise command."),
        };
    }

    public override EnterpriseState Evolve(EnterpriseState state, IEnterpriseEvent @event) => @event switch
    {
        EnterpriseRegistered r => state with { Registration = r },
        EnterpriseImported i => EnterpriseImports.Apply(state, i),
        StartupGrantImported g => EnterpriseImports.Apply(state, g),
        EnterpriseReviewed r => state with { Review = r },
        StartupGrantRecorded g => state with { StartupGrant = g },
        ParkAdmissionProposed p => state with { AdmissionProposals = state.AdmissionProposals.SetItem(p.ParkKey, p) },
        EnterpriseAdmittedToPark a => state with { CurrentParkKey = a.ParkKey, AdmittedOn = a.AdmittedOn, AdmissionProposals = state.AdmissionProposals.Clear() },
        MilestoneRecorded m => EnterpriseMilestones.Apply(state, m),
        EnterpriseGraduated g => state with { CurrentParkKey = null, AdmittedOn = null, GraduatedFromParkKey = g.ParkKey },
        EnterpriseLeftPark => state with { CurrentParkKey = null, AdmittedOn = null },
        TalentIntroductionPreferenceEvaluated e => state with { TalentIntroductionPreference = e.Evaluation },
        LoanInterestSubsidyRequested l => state with
        {
            LoanInterestSubsidies = state.LoanInterestSubsidies.SetItem(l.LoanReference, new LoanInterestSubsidy(l, null)),
        },
        LoanInterestSubsidyDecided d => state with
        {
            LoanInterestSubsidies = state.LoanInterestSubsidies.SetItem(
                d.LoanReference, state.LoanInterestSubsidies[d.LoanReference] with { Decision = d }),
        },
        LoanInterestSubsidyPaymentRecorded p => EnterpriseLoans.ApplyPayment(state, p),
        _ => state,
    };

    protected override void RegisterEvents(EventTypeRegistry<IEnterpriseEvent> events)
    {
        events.Add<EnterpriseRegistered>();
        events.Add<EnterpriseReviewed>();
        events.Add<StartupGrantRecorded>();
        events.Add<ParkAdmissionProposed>();
        events.Add<ParkAdmissionConsented>();
        events.Add<ParkAdmissionDecided>();
        events.Add<EnterpriseAdmittedToPark>();
        events.Add<MilestoneRecorded>();
        events.Add<EnterpriseGraduated>();
        events.Add<EnterpriseLeftPark>();
        events.Add<TalentIntroductionPreferenceEvaluated>();
        // Schema 2 added the review as it stood at the request; earlier requests never reached a programme, so false is what they had.
        events.Add<LoanInterestSubsidyRequested>(schemaVersion: 2).UpcastFrom(1, p =>
        {
            p["passedReview"] = false;
            return p;
        });
        events.Add<LoanInterestSubsidyDecided>();
        events.Add<LoanInterestSubsidyPaymentRecorded>();
        events.Add<EnterpriseImported>();
        events.Add<ParkAdmissionImported>();
        events.Add<StartupGrantImported>();
    }

    /// <summary>The calendar day of the command in the offset the caller gave its time in.</summary>
    internal static Decision<IEnterpriseEvent> Accept(params IEnterpriseEvent[] events) => Decision<IEnterpriseEvent>.Accept(events);

    internal static Decision<IEnterpriseEvent> Reject(string code, string message) => Decision<IEnterpriseEvent>.Reject(code, message);

    private static Decision<IEnterpriseEvent> Register(EnterpriseState state, RegisterEnterprise r, CommandContext context)
    {
        // Anyone may try an id, so the refusal says nothing of the enterprise registered under it.
        if (state.IsRegistered)
            return Reject("already-registered", "An enterprise is already registered under this id.");
        if (string.IsNullOrWhiteSpace(r.Name) || string.IsNullOrWhiteSpace(r.Industry) || string.IsNullOrWhiteSpace(r.District))
            return Reject("details-missing", "Name, industry and district are required.");
        // Art. 5: the enterprise is established by overseas-educated personnel, so at least one returnee founder.
        if (r.FounderApplicantKeys.Count == 0 || r.FounderApplicantKeys.Any(string.IsNullOrWhiteSpace))
            return Reject("founders-missing", "Name at least one returnee founder, none blank.");
        if (r.FounderApplicantKeys.Distinct(StringComparer.Ordinal).Count() != r.FounderApplicantKeys.Count)
            return Reject("founders-repeated", "A founder is named twice.");
        // Art. 6: registered capital may be the legal minimum, so only a positive amount is required here.
        if (r.RegisteredCapitalCny <= 0)
            return Reject("capital-invalid", "Registered capital must be a positive amount.");
        // Art. 6: registering with a passport is allowed, so RegisteredWithPassport is recorded, never refused.
        return Accept(new EnterpriseRegistered(
            r.Name, [.. r.FounderApplicantKeys], r.RegisteredWithPassport, r.RegisteredCapitalCny,
            r.Industry, r.District, context.Today, context.Actor));
    }

    private Decision<IEnterpriseEvent> Review(EnterpriseState state, ReviewEnterprise review, CommandContext context)
    {
        // Art. 6: the review is the overseas-talent centre's, so only its officers decide it.
        if (!context.ByOfficer)
            return Reject("not-an-officer", $"Only a centre officer may review an enterprise; {context.Actor} is not one.");
        if (string.IsNullOrWhiteSpace(review.Reason))
            return Reject("reason-missing", "A review states its reason.");
        // A pass is final (the grant hangs on it); a failed enterprise may be reviewed again after fixing its file.
        if (state.PassedReview)
            return Reject("already-reviewed", $"The enterprise passed review in {state.Review!.ProgrammeYear}.");
        // Art. 6: one initial start-up support per enterprise; one paid before the platform (imported) is not asked for again (rules 2024.3).
        if (state.StartupGrant is { Awarded: true } paid)
            return Reject("grant-already-awarded", $"A start-up grant of CNY {paid.AmountCny} was already recorded on {CityCalendar.Format(paid.RecordedOn)}: {paid.Reason}.");
        // Art. 6: the start-up grant comes from the programme of the year the review passed.
        return Accept(new EnterpriseReviewed(review.Passed, context.Now.Year, review.Reason, context.Actor, rules.Version));
    }

    private static Decision<IEnterpriseEvent> RecordGrant(EnterpriseState state, RecordGrantDecision g, CommandContext context)
    {
        // Art. 6: the CNY 100,000 start-up support is only for enterprises that passed the centre's review.
        if (!state.PassedReview)
            return Reject("not-reviewed", "Only an enterprise that passed review can have a start-up grant decision.");
        if (g.Awarded ? g.AmountCny <= 0 : g.AmountCny != 0)
            return Reject("amount-invalid", "An award has a positive amount; a refusal has none.");
        if (state.StartupGrant is { } earlier && earlier.Awarded == g.Awarded && earlier.AmountCny == g.AmountCny && earlier.Reason == g.Reason)
            return Accept(); // A redelivered decision changes nothing.
        if (state.StartupGrant is { Awarded: true } awarded)
            return Reject("grant-already-awarded", $"A start-up grant of CNY {awarded.AmountCny} was already recorded on {awarded.RecordedOn}.");
        return Accept(new StartupGrantRecorded(g.Awarded, g.AmountCny, g.Reason, context.Today));
    }

    private static Decision<IEnterpriseEvent> Leave(EnterpriseState state, LeavePark leave, CommandContext context)
    {
        if (state.CurrentParkKey is not { } park)
            return Reject("not-in-park", "The enterprise is in no park.");
        return string.IsNullOrWhiteSpace(leave.Reason)
            ? Reject("reason-missing", "Leaving a park states its reason.")
            : Accept(new EnterpriseLeftPark(park, leave.Reason, context.Today));
    }

    private Decision<IEnterpriseEvent> EvaluatePreference(EnterpriseState state, EvaluateTalentIntroductionPreference e, CommandContext context)
    {
        // Art. 10: the business-scope finding is an officer's judgement, so the evaluation is an officer's decision.
        if (!context.ByOfficer)
            return Reject("not-an-officer", $"Only an officer may evaluate Art. 10 preference; {context.Actor} is not one.");
        var today = context.Today;
        var evaluation = TalentIntroductionPreferenceRule.Evaluate(rules, today, state.TaxPaidByYear, e.BusinessScopeInLineWithIndustrialOrientation);
        return Accept(new TalentIntroductionPreferenceEvaluated(evaluation, today, context.Actor));
    }
}
