using System.Globalization;
using Cases.Grains.ReadModels;
using Cases.Silo.Api;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.WebConsole;

/// <summary>The intake dashboard: registrations and officers' decisions per minute over the last minutes, and the undecided backlog.</summary>
/// <remarks>Served from read models (the dashboard's hours and the officers' queue), so a view costs the same at a million events as at ten; it refreshes itself every 10 seconds.</remarks>
public static class IntakePages
{
    public const int MaxMinutes = 240;

    public static void MapIntakePages(this RouteGroupBuilder console) =>
        console.MapGet("/intake", Intake).ForRoles(ConsoleHosting.CaseReaders);

    public static async Task<Results<RazorComponentResult<IntakePage>, ProblemHttpResult>> Intake(
        HttpContext http, [FromServices] ProgrammeGrains grains, [FromServices] TimeProvider time, int minutes = 30)
    {
        if (minutes is < 1 or > MaxMinutes)
            return Problems.BadRequest("invalid-minutes", $"minutes must be between 1 and {MaxMinutes}.");
        var window = await IntakeDashboardReads.WindowAsync(grains.Factory, time.GetUtcNow(), minutes);
        var backlog = await OfficerQueueReads.BacklogAsync(grains.Factory);
        string Label(IntakeMinute m) => m.Start.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        return PageFrame.Page<IntakePage>(http, "Intake", new IntakeModel(
            minutes, window.Sum(m => m.Registrations), window.Sum(m => m.Decisions), backlog,
            window.Select(m => (Label(m), m.Registrations)).ToList(), window.Select(m => (Label(m), m.Decisions)).ToList()), refreshSeconds: 10);
    }
}

/// <summary>The intake dashboard's figures: totals over the window, the backlog, and per-minute series.</summary>
public sealed record IntakeModel(
    int Minutes, long Registrations, long Decisions, long Backlog,
    IReadOnlyList<(string Label, long Value)> RegistrationsPerMinute, IReadOnlyList<(string Label, long Value)> DecisionsPerMinute);
