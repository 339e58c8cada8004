using Cases.Domain.Housing;
using Cases.Domain;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>District housing offices (transitional-unit inventory and waitlist) and applicants' housing cases (item 10; Art. 23).</summary>
public static class HousingApi
{
    // The housing grain's answer before a permit approval opened the case; over HTTP the case does not exist yet.
    private const string NoCase = "no-case";

    public static IEndpointRouteBuilder MapHousingApi(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/housing-offices").WithTags("Housing");
        offices.MapGet("/{district}", GetHousingOffice).RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Auditor, Roles.Admin));
        offices.MapPost("/{district}/units", AddUnits).RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Admin));
        offices.MapPost("/{district}/expired-terms", EndExpiredTerms).RequireAuthorization(Roles.Officer);

        var cases = app.MapGroup("/housing").WithTags("Housing");
        cases.MapGet("/{applicantKey}", GetHousingCase).RequireAuthorization();
        cases.MapPost("/{applicantKey}/long-term", ChooseLongTermHousing).RequireAuthorization(Roles.Applicant);
        return app;
    }

    /// <summary>The office's units (free or held, until when) and its waitlist in arrival order.</summary>
    public static async Task<Results<Ok<StateView<HousingOfficeState>>, ProblemHttpResult>> GetHousingOffice(
        string district, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var (state, version) = await grains.HousingOffice(district).GetState();
        return version == 0
            ? Problems.NotFound($"Housing office {district}")
            : TypedResults.Ok(new StateView<HousingOfficeState>($"{HousingOfficeDecider.Type}/{district}", version, state));
    }

    /// <summary>Adds transitional units to the district's inventory; the first units open the office's timeline.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> AddUnits(
        string district, AddUnitsRequest request, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (request.Validate() is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await OfficeAsync(district, http, grains, new AddTransitionalUnits(request.UnitIds!));
    }

    /// <summary>Ends every transitional term that is over today and hands the freed units to the waitlist (item 10).</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> EndExpiredTerms(
        string district, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] CityClock clock)
    {
        var (_, version) = await grains.HousingOffice(district).GetState();
        if (version == 0)
            return Problems.NotFound($"Housing office {district}");
        return await OfficeAsync(district, http, grains, new Domain.Housing.EndExpiredTerms(clock.Today));
    }

    /// <summary>The applicant's housing case: personal data, so an officer's, auditor's or admin's read needs X-Access-Reason and is recorded first.</summary>
    public static async Task<Results<Ok<StateView<HousingState>>, ProblemHttpResult>> GetHousingCase(
        string applicantKey, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (await Access.ToApplicantAsync(http, grains, Caller.From(http.User), applicantKey, "housing case", $"{HousingDecider.Type}/{applicantKey}") is { } denied)
            return denied;
        var (state, version) = await grains.Housing(applicantKey).GetState();
        return state.IsOpen
            ? TypedResults.Ok(new StateView<HousingState>($"{HousingDecider.Type}/{applicantKey}", version, state))
            : Problems.NotFound($"Housing case of {applicantKey}");
    }

    /// <summary>The applicant chooses a rental subsidy or a talent apartment for after the transitional term.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ChooseLongTermHousing(
        string applicantKey, LongTermHousingRequest request, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] CityClock clock)
    {
        var today = clock.Today;
        if (request.Validate(today) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        var caller = Caller.From(http.User);
        if (caller.Subject != applicantKey)
            return Problems.Forbidden("An applicant can only choose housing on their own case.");
        var result = await grains.Housing(applicantKey)
            .Execute(new Domain.Housing.ChooseLongTermHousing(request.Kind!.Value, request.StartsOn ?? today), ProgrammeGrains.Meta(http, caller));
        return result.Rejection switch
        {
            { Code: NoCase } => Problems.NotFound($"Housing case of {applicantKey}"),
            { } rejection => Problems.From(rejection),
            null => TypedResults.Ok(CommandAnswer.From(result)),
        };
    }

    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> OfficeAsync(
        string district, HttpContext http, ProgrammeGrains grains, IHousingOfficeCommand command)
    {
        var result = await grains.HousingOffice(district)
            .Execute(command, ProgrammeGrains.Meta(http, Caller.From(http.User)));
        return result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(CommandAnswer.From(result));
    }
}
