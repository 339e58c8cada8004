using Cases.Domain.Enterprises;
using Cases.Domain;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>Enterprises founded by returnees: registration, the centre's review, park incubation, progress, Art. 10 and loan subsidies.</summary>
public static class EnterprisesApi
{
    // The grain's answer to any command before registration; over HTTP that is an unknown enterprise.
    private const string NotRegistered = "not-registered";

    public static RouteGroupBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/enterprises").WithTags("Enterprises");
        api.MapPost("/", RegisterEnterprise).RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.Officer, Roles.Admin));
        api.MapGet("/{id}", GetEnterprise).RequireAuthorization();
        api.MapPost("/{id}/review", ReviewEnterprise).RequireAuthorization(Roles.Officer);
        api.MapPost("/{id}/park-admission-proposals", ProposeParkAdmission).RequireAuthorization(Roles.Operator);
        api.MapPost("/{id}/park-admission-proposals/{parkKey}/consent", ConsentToParkAdmission).RequireAuthorization(Roles.Applicant);
        api.MapPost("/{id}/park-admission", AdmitToPark).RequireAuthorization(Roles.Officer);
        api.MapPost("/{id}/milestones", RecordMilestone).RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Officer, Roles.Admin));
        api.MapPost("/{id}/graduation", Graduate).RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Officer, Roles.Admin));
        api.MapPost("/{id}/exit", LeavePark).RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Officer, Roles.Admin));
        api.MapPost("/{id}/talent-preference", EvaluateTalentPreference).RequireAuthorization(Roles.Officer);
        api.MapPost("/{id}/loan-interest-subsidies", RequestLoanInterestSubsidy).RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.Officer));
        return api;
    }

    /// <summary>Registers an enterprise; an applicant must be among its founders, and every founder must be a recognised returnee (Art. 5).</summary>
    public static async Task<Results<Created<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RegisterEnterprise(
        RegisterEnterpriseRequest request, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (request.Validate() is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        var caller = Caller.From(http.User);
        var founders = request.FounderApplicantKeys!;
        if (caller.Is(Roles.Applicant) && !founders.Contains(caller.Subject))
            return Problems.Forbidden("An applicant can only register an enterprise they found; name yourself among the founders.");
        // Art. 5: the enterprise is established by overseas-educated personnel; the grain leaves that check to its caller.
        foreach (var founder in founders)
        {
            var (applicant, _) = await grains.Applicant(founder).GetState();
            // Unknown and unrecognised answer alike, so registration cannot probe which identity documents have cases.
            if (applicant.Recognition is null)
                return Problems.Of(StatusCodes.Status409Conflict, "founder-not-recognised", $"Founder {founder} is not recognised as overseas-educated personnel (Art. 1, 5).", ("founder", founder));
        }
        var command = new Domain.Enterprises.RegisterEnterprise(request.Name, founders, request.RegisteredWithPassport, request.RegisteredCapitalCny, request.Industry, request.District);
        var result = await grains.Enterprise(request.Id).Execute(command, ProgrammeGrains.Meta(http, caller));
        return result.Rejection is { } rejection
            ? Problems.From(rejection)
            : TypedResults.Created($"/enterprises/{Uri.EscapeDataString(request.Id)}", CommandAnswer.From(result));
    }

    /// <summary>The enterprise's state, for officers, auditors, admins, its founders, and the operator of the park it is in or graduated from.</summary>
    public static async Task<Results<Ok<StateView<EnterpriseState>>, ProblemHttpResult>> GetEnterprise(
        string id, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var (state, version) = await grains.Enterprise(id).GetState();
        var caller = Caller.From(http.User);
        // Asked before whether it exists: whoever may not read it hears the same of an unknown id.
        var allowed = caller.CanReadEverything || IsFounder(caller, state)
            || (caller.Is(Roles.Operator) && (state.CurrentParkKey == caller.Subject || state.GraduatedFromParkKey == caller.Subject));
        if (!allowed)
            return Problems.Forbidden("Only officers, auditors, admins, the enterprise's founders and its park's operator may read it.");
        return state.IsRegistered
            ? TypedResults.Ok(new StateView<EnterpriseState>($"{EnterpriseDecider.Type}/{id}", version, state))
            : Problems.NotFound($"Enterprise {id}");
    }

    /// <summary>An officer records the centre's review (Art. 6); a pass asks the year's start-up programme for the CNY 100,000 grant.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ReviewEnterprise(
        string id, ReviewEnterpriseRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        SendAsync(id, http, grains, request.Validate(), new Domain.Enterprises.ReviewEnterprise(request.Passed ?? false, request.Reason));

    /// <summary>A park's operator proposes incubating the enterprise in their own park; a founder's consent admits it.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ProposeParkAdmission(
        string id, ParkAdmissionProposalRequest request, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (Invalid(request.Validate()) is { } invalid)
            return invalid;
        var caller = Caller.From(http.User);
        if (request.ParkKey != caller.Subject)
            return Problems.Forbidden($"An operator proposes admissions to their own park ({caller.Subject}) only.");
        var result = await grains.Enterprise(id).Execute(new Domain.Enterprises.ProposeParkAdmission(request.ParkKey), ProgrammeGrains.Meta(http, caller));
        // Unknown, in another park or graduated answer alike: the operator may not see enterprises outside their park.
        return result.Rejection switch
        {
            { Code: NotRegistered or "already-in-park" or "already-graduated" } => Problems.Of(StatusCodes.Status409Conflict, "not-admissible",
                $"Enterprise {id} cannot be proposed for admission to park {request.ParkKey}: it is unknown, in another park, or graduated."),
            { } rejection => Problems.From(rejection),
            null => TypedResults.Ok(CommandAnswer.From(result)),
        };
    }

    /// <summary>A founder consents to a park's proposal, which admits the enterprise to that park.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ConsentToParkAdmission(
        string id, string parkKey, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var (state, _) = await grains.Enterprise(id).GetState();
        var caller = Caller.From(http.User);
        if (!IsFounder(caller, state))
            return Problems.Forbidden("Only the enterprise's founders consent to its admission to a park.");
        return await ExecuteAsync(id, http, grains, caller, new Domain.Enterprises.ConsentToParkAdmission(parkKey));
    }

    /// <summary>An officer admits the enterprise to a park without waiting for a proposal and consent, stating the decision's reason.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> AdmitToPark(
        string id, ParkAdmissionRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        SendAsync(id, http, grains, request.Validate(), new Domain.Enterprises.AdmitToPark(request.ParkKey, request.Reason));

    /// <summary>The park's operator (or an officer) records a milestone of an incubated enterprise: revenue, tax, financing, patents, talent teams.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RecordMilestone(
        string id, MilestoneRequest request, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] CityClock clock) =>
        await InParkAsync(id, http, grains, request.Validate(clock.Today), new Domain.Enterprises.RecordMilestone(request.Kind ?? default, request.Value, request.Year, request.Reference));

    /// <summary>The park's operator (or an officer) records that the enterprise graduated from incubation.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> Graduate(
        string id, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        await InParkAsync(id, http, grains, [], new Domain.Enterprises.Graduate());

    /// <summary>The park's operator (or an officer) records that the enterprise left the park, with a reason.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> LeavePark(
        string id, ExitRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        await InParkAsync(id, http, grains, request.Validate(), new Domain.Enterprises.LeavePark(request.Reason));

    /// <summary>An officer evaluates preferential talent introduction (Art. 10) on the enterprise's recorded tax of the recent years.</summary>
    public static Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> EvaluateTalentPreference(
        string id, TalentPreferenceRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        SendAsync(id, http, grains, request.Validate(), new EvaluateTalentIntroductionPreference(request.BusinessScopeInLineWithIndustrialOrientation ?? false));

    /// <summary>A founder (or an officer for them) asks for a loan interest subsidy.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RequestLoanInterestSubsidy(
        string id, LoanInterestSubsidyRequest request, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (Invalid(request.Validate()) is { } invalid)
            return invalid;
        var (state, _) = await grains.Enterprise(id).GetState();
        var caller = Caller.From(http.User);
        if (caller.Is(Roles.Applicant) && !IsFounder(caller, state))
            return Problems.Forbidden("Only the enterprise's founders or an officer may ask for its loan interest subsidies.");
        if (!state.IsRegistered)
            return Problems.NotFound($"Enterprise {id}");
        var command = new Domain.Enterprises.RequestLoanInterestSubsidy(request.LoanReference, request.PrincipalCny, request.InterestCny, request.CoveragePercent, request.IpBacked);
        return await ExecuteAsync(id, http, grains, caller, command);
    }

    // Incubation commands: the operator of the park the enterprise is in now, or an officer or admin.
    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> InParkAsync(
        string id, HttpContext http, ProgrammeGrains grains, Dictionary<string, string[]> errors, IEnterpriseCommand command)
    {
        if (Invalid(errors) is { } invalid)
            return invalid;
        var (state, _) = await grains.Enterprise(id).GetState();
        var caller = Caller.From(http.User);
        if (caller.Is(Roles.Operator) && state.CurrentParkKey != caller.Subject)
            return Problems.Forbidden($"Enterprise {id} is not incubated in park {caller.Subject}.");
        if (!state.IsRegistered)
            return Problems.NotFound($"Enterprise {id}");
        return await ExecuteAsync(id, http, grains, caller, command);
    }

    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> SendAsync(
        string id, HttpContext http, ProgrammeGrains grains, Dictionary<string, string[]> errors, IEnterpriseCommand command)
    {
        if (Invalid(errors) is { } invalid)
            return invalid;
        return await ExecuteAsync(id, http, grains, Caller.From(http.User), command);
    }

    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ExecuteAsync(
        string id, HttpContext http, ProgrammeGrains grains, Caller caller, IEnterpriseCommand command)
    {
        var result = await grains.Enterprise(id).Execute(command, ProgrammeGrains.Meta(http, caller));
        return result.Rejection switch
        {
            { Code: NotRegistered } => Problems.NotFound($"Enterprise {id}"),
            { } rejection => Problems.From(rejection),
            null => TypedResults.Ok(CommandAnswer.From(result)),
        };
    }

    private static ValidationProblem? Invalid(Dictionary<string, string[]> errors) =>
        errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;

    // An unknown enterprise has no founders, so no applicant is one of them.
    private static bool IsFounder(Caller caller, EnterpriseState state) =>
        caller.Is(Roles.Applicant) && state.Registration is { } registration && registration.FounderApplicantKeys.Contains(caller.Subject);
}
