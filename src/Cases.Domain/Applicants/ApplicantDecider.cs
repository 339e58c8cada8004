using System.Collections.Immutable;
using Cases.Domain.Rules;
using Cases.Journal.Events;
using Cases.Domain.Deciders;
using static Cases.Domain.Applicants.ApplicantRejections;
using D = Cases.Domain.Deciders.Decision<Cases.Domain.Applicants.IApplicantEvent>;

namespace Cases.Domain.Applicants;

/// <summary>An overseas-educated applicant: profile, dependants, recognition (Art. 1), permit (Art. 4), household registration (item 3; Art. 18) and Art. 17.</summary>
public sealed class ApplicantDecider(RuleSet rules) : Decider<ApplicantState, IApplicantCommand, IApplicantEvent>
{
    public RuleSet Rules { get; } = rules;

    public const string Type = "applicant";

    public override string GrainType => Type;

    public override ApplicantState Initial => ApplicantState.Unregistered;

    // 2: imported applicants, permits and registrations (ImportedFrom) joined the state; older snapshots lack them and are replayed.
    public override int StateSchemaVersion => 2;

    public override D Decide(ApplicantState state, IApplicantCommand command, CommandContext ctx)
    {
        if (command is RegisterApplicant register)
            return Register(state, register, ctx);
        if (command is ImportPermit importPermit)
            return ApplicantImports.Permit(state, importPermit, ctx);
        if (command is ImportHouseholdRegistration importRegistration)
            return ApplicantImports.HouseholdRegistration(state, importRegistration, ctx);
        if (state.Profile is not { } profile)
            return D.Reject(UnknownApplicant, $"No applicant is registered under {ctx.GrainKey.Key}; register the applicant first.");
        var today = ctx.Today;
        return command switch
        {
            UpdateProfile u => ApplicantValidation.Problem(u.Profile, ctx.GrainKey.Key) is { } problem
                ? D.Reject(problem.Contains("identity", StringComparison.Ordinal) ? IdentityMismatch : InvalidProfile, problem)
                : D.Accept(new ProfileUpdated(ProfileDisciplines.Resolve(u.Profile), ctx.Actor, ctx.Now)),
            AddDependant a => AddDependant(state, a.Dependant),
            ApplyForRecognition r => NewApplicationProblem(state, r.ApplicationId) ?? (state.Recognition is { } rec
                ? D.Reject(AlreadyRecognised, $"The applicant was already recognised on {CityCalendar.Format(rec.RecognisedOn)} ({rec.ApplicationId}).")
                : D.Accept(new RecognitionEvaluated(r.ApplicationId, today, RecognitionRules.Evaluate(Rules, profile, today)))),
            ApplyForPermit a => ApplyForPermit(state, a, today),
            ApprovePermit a => DecidePermit(state, a.PermitId, a.Reason, ctx, requireReason: false) ?? D.Accept(new PermitApproved(
                a.PermitId, profile.HomeDistrict, today, state.Permit!.RuleSetVersion, ctx.Actor,
                string.IsNullOrWhiteSpace(a.Reason) ? $"Art. 4 conditions met under rules {state.Permit.RuleSetVersion}" : a.Reason)),
            RejectPermit r => DecidePermit(state, r.PermitId, r.Reason, ctx, requireReason: true)
                ?? D.Accept(new PermitRejected(r.PermitId, today, ctx.Actor, r.Reason)),
            RevokePermit r => RevokePermit(state, r, ctx),
            ApplyForHouseholdRegistration h => ApplyForHouseholdRegistration(state, h, today),
            ApproveHouseholdRegistration a => DecideHousehold(state, a.ApplicationId, a.Reason, ctx, requireReason: false)
                ?? D.Accept(new HouseholdRegistrationApproved(a.ApplicationId, today, state.HouseholdRegistration!.RuleSetVersion,
                    ctx.Actor, string.IsNullOrWhiteSpace(a.Reason) ? "conditions met" : a.Reason,
                    state.HouseholdRegistration.IncludedDependantIds)),
            RejectHouseholdRegistration r => DecideHousehold(state, r.ApplicationId, r.Reason, ctx, requireReason: true)
                ?? D.Accept(new HouseholdRegistrationRejected(r.ApplicationId, today, ctx.Actor, r.Reason)),
            ApplyForForeignResidence f => ApplyForForeignResidence(state, f, today),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not an applicant command."),
        };
    }

    // The key is the identity document in normal form, so a width or look-alike variant can never open a second case.
    private static D Register(ApplicantState state, RegisterApplicant register, CommandContext ctx)
    {
        if (state.Profile is not null)
            return D.Reject(AlreadyRegistered, $"Applicant {ctx.GrainKey.Key} is already registered.");
        if (IdentityDocument.Problem(ctx.GrainKey.Key) is { } bad)
            return D.Reject(InvalidIdentityDocument, $"The identity document {ctx.GrainKey.Key} {bad}.");
        return ApplicantValidation.Problem(register.Profile, ctx.GrainKey.Key) is { } problem
            ? D.Reject(problem.Contains("identity", StringComparison.Ordinal) ? IdentityMismatch : InvalidProfile, problem)
            : D.Accept(new ApplicantRegistered(ProfileDisciplines.Resolve(register.Profile), ctx.Actor, ctx.Now));
    }

    private static D AddDependant(ApplicantState state, Dependant d) =>
        ApplicantValidation.Problem(d) is { } problem ? D.Reject(InvalidDependant, problem)
        : state.Dependants.Any(x => x.DependantId == d.DependantId)
            ? D.Reject(DuplicateDependant, $"Dependant {d.DependantId} is already recorded.")
        : d.Relation == DependantRelation.Spouse && state.Dependants.Any(x => x.Relation == DependantRelation.Spouse)
            ? D.Reject(DuplicateDependant, "A spouse is already recorded.")
        : D.Accept(new DependantAdded(d));

    private D ApplyForPermit(ApplicantState state, ApplyForPermit a, DateOnly today) =>
        NewApplicationProblem(state, a.PermitId) ?? state.Permit switch
        {
            { Status: ApplicationStatus.Pending } p => D.Reject(PermitPending, $"Permit application {p.PermitId} awaits an officer."),
            { Status: ApplicationStatus.Approved } p => D.Reject(PermitAlreadyHeld, $"Permit {p.PermitId} is already held."),
            _ => D.Accept(new PermitApplied(a.PermitId, today, a.EnterpriseKey, a.EmployerReference,
                PermitRules.Evaluate(Rules, state, a.EnterpriseKey, a.EmployerReference), state.Profile?.HomeDistrict)),
        };

    // Approve and reject share their preconditions: an officer, and the current application still pending.
    private static D? DecidePermit(ApplicantState state, string permitId, string reason, CommandContext ctx, bool requireReason)
    {
        if (OfficerProblem(ctx, reason, requireReason) is { } problem)
            return problem;
        return state.Permit switch
        {
            null => D.Reject(PermitNotApplied, $"No permit application {permitId} exists for this applicant."),
            { PermitId: var current } when current != permitId =>
                D.Reject(PermitNotApplied, $"Permit application {permitId} is not the current one ({current})."),
            { Status: ApplicationStatus.Pending } => null,
            { Status: ApplicationStatus.Ineligible } => D.Reject(PermitIneligible,
                $"Permit application {permitId} did not meet Art. 4 and was closed; a new application is needed."),
            { Status: ApplicationStatus.Revoked } => D.Reject(RevokedPermit,
                $"Permit {permitId} was revoked; a new application is needed."),
            var p => D.Reject(PermitAlreadyDecided,
                $"Permit application {permitId} was already {p.Status.ToString().ToLowerInvariant()} by {p.DecidedBy}."),
        };
    }

    private static D RevokePermit(ApplicantState state, RevokePermit r, CommandContext ctx) =>
        OfficerProblem(ctx, r.Reason, requireReason: true) ?? state.Permit switch
        {
            { Status: ApplicationStatus.Approved } p when p.PermitId == r.PermitId =>
                D.Accept(new PermitRevoked(p.PermitId, p.District!, r.Reason, ctx.Actor)),
            { Status: ApplicationStatus.Revoked } p when p.PermitId == r.PermitId =>
                D.Reject(RevokedPermit, $"Permit {p.PermitId} is already revoked."),
            _ => D.Reject(PermitNotApproved, $"Permit {r.PermitId} is not an approved permit of this applicant."),
        };

    private D ApplyForHouseholdRegistration(ApplicantState state, ApplyForHouseholdRegistration h, DateOnly today)
    {
        var dependants = Dependants(state, h.DependantIds, out var unknownProblem);
        if ((NewApplicationProblem(state, h.ApplicationId) ?? unknownProblem) is { } problem)
            return problem;
        if (state.HouseholdRegistration is { Status: ApplicationStatus.Pending or ApplicationStatus.Approved } current)
            return current.Status == ApplicationStatus.Pending
                ? D.Reject(HouseholdRegistrationPending, $"Household registration {current.ApplicationId} awaits an officer.")
                : D.Reject(HouseholdRegistrationAlreadyApproved, $"Household registration {current.ApplicationId} was already approved.");
        var assessed = HouseholdRegistrationRules.Evaluate(Rules, state, today, h.AppliedByEmployer, dependants);
        return D.Accept(new HouseholdRegistrationApplied(
            h.ApplicationId, today, h.AppliedByEmployer, assessed.Evaluation, assessed.Paths, assessed.Dependants, state.Profile?.HomeDistrict));
    }

    private static D? DecideHousehold(ApplicantState state, string applicationId, string reason, CommandContext ctx, bool requireReason)
    {
        if (OfficerProblem(ctx, reason, requireReason) is { } problem)
            return problem;
        return state.HouseholdRegistration switch
        {
            { ApplicationId: var id } h when id == applicationId => h.Status switch
            {
                ApplicationStatus.Pending => null,
                ApplicationStatus.Ineligible => D.Reject(HouseholdRegistrationIneligible,
                    $"Household registration {id} met no path and was closed; a new application is needed."),
                _ => D.Reject(HouseholdRegistrationAlreadyDecided,
                    $"Household registration {id} was already {h.Status.ToString().ToLowerInvariant()} by {h.DecidedBy}."),
            },
            _ => D.Reject(HouseholdRegistrationNotApplied, $"No current household registration application {applicationId} exists."),
        };
    }

    private D ApplyForForeignResidence(ApplicantState state, ApplyForForeignResidence f, DateOnly today)
    {
        var dependants = Dependants(state, f.DependantIds, out var unknownProblem);
        if ((NewApplicationProblem(state, f.ApplicationId) ?? unknownProblem) is { } problem)
            return problem;
        var (evaluation, grants) = ForeignResidenceRules.Evaluate(Rules, state, today, f.Kind, dependants);
        return D.Accept(new ForeignResidenceEvaluated(f.ApplicationId, today, f.Kind, evaluation, grants));
    }

    private static D? NewApplicationProblem(ApplicantState state, string applicationId) =>
        string.IsNullOrWhiteSpace(applicationId) ? D.Reject(InvalidApplicationId, "An application id is required.")
        : state.ApplicationIds.Contains(applicationId)
            ? D.Reject(DuplicateApplication, $"Application id {applicationId} was already used by this applicant.")
        : null;

    private static IReadOnlyList<Dependant> Dependants(ApplicantState state, IReadOnlyList<string> ids, out D? problem)
    {
        var unknown = ids.Where(id => state.Dependants.All(d => d.DependantId != id)).ToList();
        problem = unknown.Count > 0 ? D.Reject(UnknownDependant, $"Unknown dependants: {string.Join(", ", unknown)}.") : null;
        return [.. ids.Distinct().Select(id => state.Dependants.FirstOrDefault(d => d.DependantId == id)).OfType<Dependant>()];
    }

    private static D? OfficerProblem(CommandContext ctx, string reason, bool requireReason) =>
        !ctx.ByOfficer
            ? D.Reject(NotAnOfficer, $"Only an officer may decide; {ctx.Actor} is not one (actors look like officer:name).")
        : requireReason && string.IsNullOrWhiteSpace(reason)
            ? D.Reject(ReasonRequired, "A rejection or revocation must give its reason.")
        : null;

    public override ApplicantState Evolve(ApplicantState state, IApplicantEvent @event) => @event switch
    {
        // Profiles recorded before discipline codes were kept resolve their fields as they replay.
        ApplicantRegistered e => state with { Profile = ProfileDisciplines.Backfill(e.Profile) },
        ApplicantImported e => state with { Profile = ProfileDisciplines.Backfill(e.Profile), ImportedFrom = e.Source },
        PermitImported e => ApplicantImports.Apply(state, e),
        HouseholdRegistrationImported e => ApplicantImports.Apply(state, e),
        ProfileUpdated e => state with { Profile = ProfileDisciplines.Backfill(e.Profile) },
        DependantAdded e => state with { Dependants = state.Dependants.Add(e.Dependant) },
        RecognitionEvaluated e => Used(state, e.ApplicationId) with
        {
            Recognition = e.Evaluation.Passed ? new RecognitionRecord(e.ApplicationId, e.EvaluatedOn, e.Evaluation.RuleSetVersion) : state.Recognition,
        },
        PermitApplied e => Used(state, e.PermitId) with
        {
            Permit = new PermitRecord(e.PermitId, e.Evaluation.Passed ? ApplicationStatus.Pending : ApplicationStatus.Ineligible,
                e.AppliedOn, e.Evaluation.RuleSetVersion),
        },
        PermitApproved e => state with
        {
            Permit = state.Permit! with { Status = ApplicationStatus.Approved, District = e.District, DecidedOn = e.ApprovedOn, DecidedBy = e.DecidedBy, Reason = e.Reason },
        },
        PermitRejected e => state with
        {
            Permit = state.Permit! with { Status = ApplicationStatus.Rejected, DecidedOn = e.RejectedOn, DecidedBy = e.DecidedBy, Reason = e.Reason },
        },
        PermitRevoked e => state with { Permit = state.Permit! with { Status = ApplicationStatus.Revoked, DecidedBy = e.DecidedBy, Reason = e.Reason } },
        HouseholdRegistrationApplied e => Used(state, e.ApplicationId) with
        {
            HouseholdRegistration = new HouseholdRegistrationRecord(e.ApplicationId,
                e.Evaluation.Passed ? ApplicationStatus.Pending : ApplicationStatus.Ineligible, e.AppliedOn, e.Evaluation.RuleSetVersion,
                [.. e.Dependants.Where(d => d.Included).Select(d => d.DependantId)]),
        },
        HouseholdRegistrationApproved e => state with
        {
            HouseholdRegistration = state.HouseholdRegistration! with { Status = ApplicationStatus.Approved, DecidedOn = e.ApprovedOn, DecidedBy = e.DecidedBy, Reason = e.Reason },
        },
        HouseholdRegistrationRejected e => state with
        {
            HouseholdRegistration = state.HouseholdRegistration! with { Status = ApplicationStatus.Rejected, DecidedOn = e.RejectedOn, DecidedBy = e.DecidedBy, Reason = e.Reason },
        },
        ForeignResidenceEvaluated e => Used(state, e.ApplicationId) with
        {
            ForeignResidence = new ForeignResidenceRecord(e.ApplicationId, e.Kind, e.AppliedOn, e.Evaluation.Passed, [.. e.Grants]),
        },
        _ => state,
    };

    private static ApplicantState Used(ApplicantState state, string applicationId) =>
        state with { ApplicationIds = state.ApplicationIds.Add(applicationId) };

    protected override void RegisterEvents(EventTypeRegistry<IApplicantEvent> events)
    {
        events.Add<ApplicantRegistered>();
        events.Add<ProfileUpdated>();
        events.Add<DependantAdded>();
        events.Add<RecognitionEvaluated>();
        events.Add<PermitApplied>();
        events.Add<PermitApproved>();
        events.Add<PermitRejected>();
        events.Add<PermitRevoked>();
        events.Add<HouseholdRegistrationApplied>();
        events.Add<HouseholdRegistrationApproved>();
        events.Add<HouseholdRegistrationRejected>();
        events.Add<ForeignResidenceEvaluated>();
        events.Add<ApplicantImported>();
        events.Add<PermitImported>();
        events.Add<HouseholdRegistrationImported>();
    }
}
