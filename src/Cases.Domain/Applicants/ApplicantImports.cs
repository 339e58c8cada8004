using Cases.Domain.Deciders;
using Cases.Domain.Imports;
using static Cases.Domain.Imports.ImportRejections;
using D = Cases.Domain.Deciders.Decision<Cases.Domain.Applicants.IApplicantEvent>;

namespace Cases.Domain.Applicants;

/// <summary>Deciding imported permits and household registrations: new facts on imported applicants only, never merged into a case opened here.</summary>
internal static class ApplicantImports
{
    /// <summary>The rule-set version an imported decision records: it was taken under another system's rules, not this platform's.</summary>
    public const string ImportedRules = "imported";

    public static D Permit(ApplicantState state, ImportPermit import, CommandContext ctx)
    {
        if (Preconditions(import.DecidedOn, import.PermitId, ctx) is { } refused)
            return refused;
        if (state.Profile is null)
        {
            if (IdentityDocument.Problem(ctx.GrainKey.Key) is { } bad)
                return D.Reject(ApplicantRejections.InvalidIdentityDocument, $"The identity document {ctx.GrainKey.Key} {bad}.");
            if (ApplicantValidation.Problem(import.Profile, ctx.GrainKey.Key) is { } problem)
                return D.Reject(problem.Contains("identity", StringComparison.Ordinal) ? ApplicantRejections.IdentityMismatch : ApplicantRejections.InvalidProfile, problem);
            return D.Accept(
                new ApplicantImported(ProfileDisciplines.Resolve(import.Profile), import.Source, import.DecidedOn, ctx.Actor),
                new PermitImported(import.PermitId, import.District, import.Source, import.DecidedOn, ctx.Actor));
        }
        if (Unimported(state, ctx) is { } live)
            return live;
        // The same person under one document: a differing name or nationality means two records disagree, which a person settles.
        if (state.Profile.Name != import.Profile.Name || state.Profile.Nationality != import.Profile.Nationality)
            return D.Reject(ConflictsWithImport,
                $"The imported applicant {ctx.GrainKey.Key} is {state.Profile.Name} ({state.Profile.Nationality}); this row names {import.Profile.Name} ({import.Profile.Nationality}).");
        return state.Permit switch
        {
            null => D.Accept(new PermitImported(import.PermitId, import.District, import.Source, import.DecidedOn, ctx.Actor)),
            // The same permit listed again under another row id: already known, so nothing changes.
            { PermitId: var id, ImportedFrom: not null, District: var district, DecidedOn: var on }
                when id == import.PermitId && district == import.District && on == import.DecidedOn => D.Accept(),
            var held => D.Reject(ConflictsWithImport,
                $"The applicant already holds permit {held.PermitId} ({held.Reason}); this row imports permit {import.PermitId}."),
        };
    }

    public static D HouseholdRegistration(ApplicantState state, ImportHouseholdRegistration import, CommandContext ctx)
    {
        if (Preconditions(import.DecidedOn, import.RegistrationId, ctx) is { } refused)
            return refused;
        if (state.Profile is null)
            return D.Reject(NothingToAttachTo,
                $"No applicant {ctx.GrainKey.Key} was imported; import the permit row that introduces the applicant first.");
        if (Unimported(state, ctx) is { } live)
            return live;
        return state.HouseholdRegistration switch
        {
            null => D.Accept(new HouseholdRegistrationImported(import.RegistrationId, import.District, import.Source, import.DecidedOn, ctx.Actor)),
            { ApplicationId: var id, ImportedFrom: not null, DecidedOn: var on } when id == import.RegistrationId && on == import.DecidedOn => D.Accept(),
            var held => D.Reject(ConflictsWithImport,
                $"The applicant already has household registration {held.ApplicationId} ({held.Status.ToString().ToLowerInvariant()}); this row imports {import.RegistrationId}."),
        };
    }

    public static ApplicantState Apply(ApplicantState state, PermitImported e) => state with
    {
        ApplicationIds = state.ApplicationIds.Add(e.PermitId),
        // Approved, so every rule asking whether a permit is held (Art. 17, Art. 18 path C) counts it; ImportedFrom says whose decision it was.
        Permit = new PermitRecord(e.PermitId, ApplicationStatus.Approved, e.DecidedOn, ImportedRules, e.District, e.DecidedOn, e.ImportedBy,
            $"imported from {e.Source}", e.Source),
    };

    public static ApplicantState Apply(ApplicantState state, HouseholdRegistrationImported e) => state with
    {
        ApplicationIds = state.ApplicationIds.Add(e.RegistrationId),
        HouseholdRegistration = new HouseholdRegistrationRecord(e.RegistrationId, ApplicationStatus.Approved, e.DecidedOn, ImportedRules, [],
            e.DecidedOn, e.ImportedBy, $"registered in {e.District}, imported from {e.Source}", e.Source),
    };

    // Imports are an admin's act, and a decision dated after today was not taken before the platform.
    private static D? Preconditions(DateOnly decidedOn, string id, CommandContext ctx) =>
        !ctx.ByAdmin ? D.Reject(NotAnAdmin, $"Only an admin imports decisions taken elsewhere; {ctx.Actor} is not one.")
        : decidedOn > ctx.Today ? D.Reject(FutureDecision, $"The decision date {CityCalendar.Format(decidedOn)} lies after today ({CityCalendar.Format(ctx.Today)}).")
        : string.IsNullOrWhiteSpace(id) ? D.Reject(ApplicantRejections.InvalidApplicationId, "The imported permit or registration needs its id.")
        : null;

    // A case opened on the platform is a person's own application: an import never adds to it silently.
    private static D? Unimported(ApplicantState state, CommandContext ctx) => state.ImportedFrom is null
        ? D.Reject(MatchesExistingCase, $"An applicant registered on the platform holds identity document {ctx.GrainKey.Key}; a person decides whether the imported record is theirs.")
        : null;
}
