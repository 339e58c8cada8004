using Cases.Domain;
using Cases.Domain.Subsidies;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.Api;

/// <summary>Yearly start-up support programmes (Art. 6; item 7): opening with a budget, awards, loan-subsidy commitments and refusals, and payments.</summary>
public static class SubsidyProgramsApi
{
    // The programme grain's answer before it was opened; over HTTP that is an unknown programme.
    private const string NotOpen = "programme-not-open";

    public static RouteGroupBuilder MapSubsidyProgramsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/subsidy-programs").WithTags("Subsidy programmes");
        api.MapPost("/", OpenProgramme).RequireAuthorization(Roles.Officer);
        api.MapGet("/{key}", GetProgramme).RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Auditor, Roles.Admin));
        api.MapPost("/{key}/payments", Pay).RequireAuthorization(Roles.Officer);
        api.MapPost("/{key}/loan-commitments", CommitLoanSubsidy).RequireAuthorization(Roles.Officer);
        api.MapPost("/{key}/loan-refusals", RefuseLoanSubsidy).RequireAuthorization(Roles.Officer);
        return api;
    }

    /// <summary>Opens startup-{year} with its budget; a programme opens once.</summary>
    public static async Task<Results<Created<CommandAnswer>, ValidationProblem, ProblemHttpResult>> OpenProgramme(
        OpenProgrammeRequest request, HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] CityClock clock)
    {
        if (request.Validate(clock.Today) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        var key = Programme.StartupProgrammeKey(request.Year!.Value);
        var result = await grains.SubsidyProgram(key)
            .Execute(new Domain.Subsidies.OpenProgramme(request.Year.Value, request.BudgetCny!.Value), ProgrammeGrains.Meta(http, Caller.From(http.User)));
        return result.Rejection is { } rejection
            ? Problems.From(rejection)
            : TypedResults.Created($"/subsidy-programs/{key}", CommandAnswer.From(result));
    }

    /// <summary>The programme's budget, what is committed and paid, each award and loan commitment, the requests waiting for its opening and the officers' loan queue.</summary>
    public static async Task<Results<Ok<StateView<SubsidyProgramState>>, ProblemHttpResult>> GetProgramme(
        string key, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        var (state, version) = await grains.SubsidyProgram(key).GetState();
        // A programme not yet opened is on the record once a passed review's grant request or a loan request waits for it.
        return state.IsOpen || !state.WaitingRequests.IsEmpty || !state.WaitingLoanRequests.IsEmpty
            ? TypedResults.Ok(new StateView<SubsidyProgramState>($"{SubsidyProgramDecider.Type}/{key}", version, state))
            : Problems.NotFound($"Subsidy programme {key}");
    }

    /// <summary>Pays an awarded start-up grant whole, or part of a committed loan interest subsidy.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> Pay(
        string key, PaymentRequest request, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (request.Validate() is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        ISubsidyProgramCommand command = request.LoanReference is { } loan
            ? new PayLoanInterestSubsidy(request.EnterpriseKey, loan, request.AmountCny!.Value)
            : new PayGrant(request.EnterpriseKey);
        return await ExecuteAsync(key, command, http, grains);
    }

    /// <summary>An officer commits a queued loan interest subsidy, the amount requested unless a smaller one is given; a commitment the budget does not cover is refused on the record.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> CommitLoanSubsidy(
        string key, LoanCommitmentRequest request, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (request.Validate() is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await ExecuteAsync(key, new CommitLoanInterestSubsidy(request.EnterpriseKey, request.LoanReference, request.AmountCny), http, grains);
    }

    /// <summary>An officer refuses a queued loan interest subsidy, stating the reason the enterprise reads.</summary>
    public static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> RefuseLoanSubsidy(
        string key, LoanRefusalRequest request, HttpContext http, [FromServices] ProgrammeGrains grains)
    {
        if (request.Validate() is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return await ExecuteAsync(key, new RefuseLoanInterestSubsidy(request.EnterpriseKey, request.LoanReference, request.Reason), http, grains);
    }

    private static async Task<Results<Ok<CommandAnswer>, ValidationProblem, ProblemHttpResult>> ExecuteAsync(
        string key, ISubsidyProgramCommand command, HttpContext http, ProgrammeGrains grains)
    {
        var result = await grains.SubsidyProgram(key)
            .Execute(command, ProgrammeGrains.Meta(http, Caller.From(http.User)));
        return result.Rejection switch
        {
            { Code: NotOpen } => Problems.NotFound($"Subsidy programme {key}"),
            { } rejection => Problems.From(rejection),
            null => TypedResults.Ok(CommandAnswer.From(result)),
        };
    }
}
