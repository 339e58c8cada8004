using System.Text.Json;
using Cases.Domain.Applicants;
using Cases.Domain.Audit;
using Cases.Grains.Contracts;
using Cases.Journal;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>Applicant cases: online intake, the applicant's own applications, officers' decisions, and reads that leave an access record.</summary>
public static class ApplicantsApi
{
    /// <summary>How long the token intake hands an applicant lives: applicants come back over weeks, unlike staff.</summary>
    public static readonly TimeSpan ApplicantTokenLifetime = TimeSpan.FromDays(90);

    public static RouteGroupBuilder MapApplicantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/applicants").WithTags("Applicants");
        api.MapPost("/", SubmitApplicant).AllowAnonymous().RequireRateLimiting(ApiHosting.IntakeLimiter);
        api.MapGet("/{id}", GetApplicant).RequireAuthorization();
        api.MapPost("/{id}/dependants", AddDependant).RequireAuthorization();
        api.MapPost("/{id}/recognition", ApplyForRecognition).RequireAuthorization();
        api.MapPost("/{id}/permits", ApplyForPermit).RequireAuthorization();
        api.MapPost("/{id}/permits/{permitId}/approve", ApprovePermit).RequireAuthorization(Roles.Officer);
        api.MapPost("/{id}/permits/{permitId}/reject", RejectPermit).RequireAuthorization(Roles.Officer);
        api.MapPost("/{id}/permits/{permitId}/revoke", RevokePermit).RequireAuthorization(Roles.Officer);
        api.MapPost("/{id}/household-registrations", ApplyForHouseholdRegistration).RequireAuthorization();
        api.MapPost("/{id}/household-registrations/{applicationId}/approve", ApproveHouseholdRegistration).RequireAuthorization(Roles.Officer);
        api.MapPost("/{id}/household-registrations/{applicationId}/reject", RejectHouseholdRegistration).RequireAuthorization(Roles.Officer);
        api.MapPost("/{id}/foreign-residence", ApplyForForeignResidence).RequireAuthorization();
        return api;
    }

    /// <summary>Creates a case from a profile; the Idempotency-Key makes a retry return the first answer; a known identity document is a 409 (naming the case to staff only).</summary>
    public static async Task<Results<Created<CaseCreated>, ValidationProblem, ProblemHttpResult>> SubmitApplicant(
        ApplicantProfile sent, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] TokenService tokens)
    {
        var profile = IntakeNormalization.Profile(sent);
        var caller = http.User.Identity?.IsAuthenticated == true ? Caller.From(http.User) : new Caller(Roles.Applicant, profile.IdentityDocument);
        // Anyone may apply online; of staff, officers and admins do assisted intake, while auditors and operators change nothing here.
        if (!caller.Is(Roles.Applicant) && !caller.Is(Roles.Officer) && !caller.Is(Roles.Admin))
            return Problems.Forbidden($"The {caller.Role} role may not submit applications.");
        if (Validation.Of(profile) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        if (caller.Is(Roles.Applicant) && caller.Subject != profile.IdentityDocument)
            return Problems.Forbidden("An applicant can only submit their own case.");
        var result = await grains.Applicant(profile.IdentityDocument)
            .Execute(new RegisterApplicant(profile), ProgrammeGrains.Meta(http, caller));
        if (result.Rejection is { Code: ApplicantRejections.AlreadyRegistered } duplicate)
            return AlreadyRegistered(duplicate, profile, caller);
        if (result.Rejection is { } rejection)
            return Problems.From(rejection);
        // The token is built from the stored registration, so it is handed out only for that registration's own request.
        if (!IsRegistrationOf(grains, result, profile, caller))
            return Problems.From(new Rejection(CommandRejections.IdempotencyKeyReused, "The Idempotency-Key was already used for another application; send a new one."));
        // The token's expiry derives from the stored event, so a retried intake returns the very same answer.
        var registeredAt = result.Events[0].OccurredAt;
        var token = tokens.Issue(Roles.Applicant, profile.IdentityDocument, registeredAt, ApplicantTokenLifetime).Token;
        return TypedResults.Created($"/applicants/{Uri.EscapeDataString(profile.IdentityDocument)}", new CaseCreated(profile.IdentityDocument, token, result.Version));
    }

    // Staff doing assisted intake are told the existing case; an applicant (or anyone, anonymously) is not told whose case it is.
    private static ProblemHttpResult AlreadyRegistered(Rejection duplicate, ApplicantProfile profile, Caller caller) => caller.Is(Roles.Applicant)
        ? Problems.Of(StatusCodes.Status409Conflict, duplicate.Code, "An application for this identity document already exists; its applicant signs in with their own token.")
        : Problems.Of(StatusCodes.Status409Conflict, duplicate.Code, duplicate.Message, ("caseId", profile.IdentityDocument));

    // The grains refuse a reused key by its fingerprint, but outcomes recorded before fingerprints match any retry; the stored profile
    // (as registration records it, disciplines resolved) and actor decide then.
    private static bool IsRegistrationOf(ProgrammeGrains grains, CommandResult result, ApplicantProfile profile, Caller caller)
    {
        var applicants = grains.Programme.Applicants;
        return result.Events is [var stored, ..] && applicants.Deserialize(stored) is ApplicantRegistered registered && registered.By == caller.Actor
            && JsonSerializer.Serialize(ProfileDisciplines.Backfill(registered.Profile), applicants.Json) == JsonSerializer.Serialize(ProfileDisciplines.Resolve(profile), applicants.Json);
    }

    /// <summary>The case's state; an officer's or auditor's read must give a reason (X-Access-Reason) and is recorded before the data is shown.</summary>
    public static async Task<Results<Ok<StateView<ApplicantState>>, ProblemHttpResult>> GetApplicant(
        string id, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var caller = Caller.From(http.User);
        if (await Access.ToApplicantAsync(http, grains, caller, id, "case state") is { } denied)
            return denied;
        var (state, version) = await grains.Applicant(id).GetState();
        return state.Profile is null ? Problems.NotFound($"Applicant case {id}") : TypedResults.Ok(new StateView<ApplicantState>($"applicant/{id}", version, state));
    }

    /// <summary>Adds a spouse or child to the case (Art. 17, 18); the applicant, an officer or an admin may.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> AddDependant(
        string id, Dependant sent, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var dependant = IntakeNormalization.Dependant(sent);
        return OwnCaseAsync(id, http, grains, Validation.Of(dependant), new AddDependant(dependant));
    }

    /// <summary>Applies for recognition as overseas-educated personnel (Art. 1); the rules are evaluated at once and every condition is recorded with its reason.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ApplyForRecognition(
        string id, ApplyForRecognitionRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        OwnCaseAsync(id, http, grains, Validation.OfId("applicationId", request.ApplicationId), new ApplyForRecognition(request.ApplicationId));

    /// <summary>Applies for the Residence and Work Permit (Art. 4) with an employer or an enterprise; a passed evaluation waits for an officer.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ApplyForPermit(
        string id, ApplyForPermitRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        OwnCaseAsync(id, http, grains, Validation.Of(request), new ApplyForPermit(request.PermitId, request.EnterpriseKey, request.EmployerReference));

    /// <summary>Applies for relocation of household registration (Art. 18) with the dependants to migrate; a passed evaluation waits for an officer.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ApplyForHouseholdRegistration(
        string id, ApplyForHouseholdRegistrationRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        OwnCaseAsync(id, http, grains, Validation.Of(request),
            new ApplyForHouseholdRegistration(request.ApplicationId, request.AppliedByEmployer, request.DependantIds ?? []));

    /// <summary>Applies for a foreigners' residence permit or a multiple-entry visa (Art. 17) for a foreign-passport holder and dependants.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ApplyForForeignResidence(
        string id, ApplyForForeignResidenceRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        OwnCaseAsync(id, http, grains, Validation.Of(request),
            new ApplyForForeignResidence(request.ApplicationId, request.Kind, request.DependantIds ?? []));

    /// <summary>An officer approves a pending permit application, with a reason; the approval opens the housing case (item 10).</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ApprovePermit(
        string id, string permitId, DecisionRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        DecideAsync(id, http, grains, request, new ApprovePermit(permitId, request.Reason));

    /// <summary>An officer rejects a pending permit application, with a reason.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RejectPermit(
        string id, string permitId, DecisionRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        DecideAsync(id, http, grains, request, new RejectPermit(permitId, request.Reason));

    /// <summary>An officer revokes an issued permit, with a reason; housing eligibility ends and the transitional unit is released.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RevokePermit(
        string id, string permitId, DecisionRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        DecideAsync(id, http, grains, request, new RevokePermit(permitId, request.Reason));

    /// <summary>An officer approves a pending household-registration application, with a reason.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ApproveHouseholdRegistration(
        string id, string applicationId, DecisionRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        DecideAsync(id, http, grains, request, new ApproveHouseholdRegistration(applicationId, request.Reason));

    /// <summary>An officer rejects a pending household-registration application, with a reason.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RejectHouseholdRegistration(
        string id, string applicationId, DecisionRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        DecideAsync(id, http, grains, request, new RejectHouseholdRegistration(applicationId, request.Reason));

    // The applicant acts on their own case; officers and admins may act for them (assisted intake).
    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> OwnCaseAsync(
        string id, HttpContext http, ProgrammeGrains grains, Dictionary<string, string[]> errors, IApplicantCommand command)
    {
        // Who may act is answered before what is wrong with the body, so a caller without the right learns nothing about the case.
        var caller = Caller.From(http.User);
        if (!(caller.Is(Roles.Applicant) && caller.Subject == id) && !caller.Is(Roles.Officer) && !caller.Is(Roles.Admin))
            return Problems.Forbidden("Only the applicant, an officer or an admin may act on this case.");
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return await SendAsync(id, http, grains, caller, command);
    }

    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string id, HttpContext http, ProgrammeGrains grains, DecisionRequest request, IApplicantCommand command)
    {
        if (Validation.OfReason(request.Reason) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await SendAsync(id, http, grains, Caller.From(http.User), command);
    }

    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> SendAsync(
        string id, HttpContext http, ProgrammeGrains grains, Caller caller, IApplicantCommand command)
    {
        var result = await grains.Applicant(id).Execute(command, ProgrammeGrains.Meta(http, caller));
        return result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(CommandAnswer.From(result));
    }
}
