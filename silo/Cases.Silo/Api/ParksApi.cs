using Cases.Domain.Parks;
using Cases.Domain;
using Cases.Domain.ReadModels;
using Cases.Grains.ReadModels;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>Overseas-talent entrepreneurship parks: roster and state, talent teams, annual evaluation and accreditation.</summary>
/// <remarks>A park needs no opening command: its first talent team or roster entry starts its timeline; until then it is unknown (404).</remarks>
public static class ParksApi
{
    public static RouteGroupBuilder MapParksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/parks").WithTags("Parks");
        api.MapGet("/{parkKey}", GetPark).RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Officer, Roles.Auditor, Roles.Admin));
        api.MapGet("/{parkKey}/statistics", GetStatistics).RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Officer, Roles.Auditor, Roles.Admin));
        api.MapPost("/{parkKey}/talent-teams", RecordTalentTeam).RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Officer));
        api.MapPost("/{parkKey}/evaluations", EvaluatePark).RequireAuthorization(Roles.Officer);
        api.MapPost("/{parkKey}/accreditation", AccreditPark).RequireAuthorization(Roles.Officer);
        return api;
    }

    /// <summary>The park's roster, talent teams, latest evaluation and accreditation; an operator sees only their own park.</summary>
    public static async Task<Results<Ok<StateView<ParkState>>, ProblemHttpResult>> GetPark(
        string parkKey, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (OtherOperator(Caller.From(http.User), parkKey) is { } denied)
            return denied;
        var (state, version) = await grains.Park(parkKey).GetState();
        return version == 0 ? Problems.NotFound($"Park {parkKey}") : TypedResults.Ok(new StateView<ParkState>($"{ParkDecider.Type}/{parkKey}", version, state));
    }

    /// <summary>The park's roster statistics: enterprises by stage, admissions by year and route, graduations, exits, milestone totals, talent teams and evaluations.</summary>
    /// <remarks>Years are the city's calendar years of the events' own dates. Talent teams are counted over the last three calendar years up to this one, the window
    /// the parks Q&amp;A evaluation counts. Funding and patents add up over every enterprise ever on the roster; staff and revenue take each enterprise's latest report.
    /// A read model fed by the decision streams, so a change shows moments after its command (appliedThrough is the log position it reflects).
    /// Start-up grants are not attributed: a grant names the enterprise, not its park. An operator sees only their own park.</remarks>
    public static async Task<Results<Ok<ParkStatisticsSummary>, ProblemHttpResult>> GetStatistics(
        string parkKey, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] CityClock clock)
    {
        if (OtherOperator(Caller.From(http.User), parkKey) is { } denied)
            return denied;
        var (_, version) = await grains.Park(parkKey).GetState();
        if (version == 0)
            return Problems.NotFound($"Park {parkKey}");
        return TypedResults.Ok(await ParkStatisticsReads.SummaryAsync(grains.Factory, grains.Programme.Rules, parkKey, clock.Today));
    }

    /// <summary>Records a talent team the park attracted (the evaluation counts them); the park's operator or an officer.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RecordTalentTeam(
        string parkKey, TalentTeamRequest request, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] CityClock clock)
    {
        if (Invalid(request.Validate(clock.Today)) is { } invalid)
            return invalid;
        var caller = Caller.From(http.User);
        if (OtherOperator(caller, parkKey) is { } denied)
            return denied;
        return await ExecuteAsync(parkKey, http, grains, caller, new Domain.Parks.RecordTalentTeam(request.AttractedOn!.Value, request.TeamName));
    }

    /// <summary>An officer evaluates the park for a completed year.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> EvaluatePark(
        string parkKey, ParkEvaluationRequest request, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        await KnownParkAsync(parkKey, http, grains, request.Validate(), new Domain.Parks.EvaluatePark(request.Year ?? 0));

    /// <summary>An officer accredits the park on its latest, outstanding evaluation.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> AccreditPark(
        string parkKey, HttpContext http, [FromServices] ProgrammeGrains grains) =>
        await KnownParkAsync(parkKey, http, grains, [], new Domain.Parks.AccreditPark());

    // Evaluation and accreditation judge a park's record, so a park with none is unknown rather than evaluated empty.
    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> KnownParkAsync(
        string parkKey, HttpContext http, ProgrammeGrains grains, Dictionary<string, string[]> errors, IParkCommand command)
    {
        if (Invalid(errors) is { } invalid)
            return invalid;
        var (_, version) = await grains.Park(parkKey).GetState();
        if (version == 0)
            return Problems.NotFound($"Park {parkKey}");
        return await ExecuteAsync(parkKey, http, grains, Caller.From(http.User), command);
    }

    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ExecuteAsync(
        string parkKey, HttpContext http, ProgrammeGrains grains, Caller caller, IParkCommand command)
    {
        var result = await grains.Park(parkKey).Execute(command, ProgrammeGrains.Meta(http, caller));
        return result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(CommandAnswer.From(result));
    }

    // Park operators see and act for their own park only.
    private static ProblemHttpResult? OtherOperator(Caller caller, string parkKey) =>
        caller.Is(Roles.Operator) && caller.Subject != parkKey ? Problems.Forbidden($"An operator of park {caller.Subject} cannot access park {parkKey}.") : null;

    private static ValidationProblem? Invalid(Dictionary<string, string[]> errors) =>
        errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
}
