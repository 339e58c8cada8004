using System.Globalization;
using Cases.Domain.Applicants;
using Cases.Silo.Api;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Silo.WebConsole;

/// <summary>The intake dashboard: registrations and permit decisions per minute over the last minutes, and the undecided backlog.</summary>
/// <remarks>Each view scans the global log once (event-type names compared before any payload is read); it refreshes itself every 10 seconds.</remarks>
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
        var events = grains.Programme.Applicants.Events;
        string registered = events.NameOf<ApplicantRegistered>(), applied = events.NameOf<PermitApplied>(),
            approved = events.NameOf<PermitApproved>(), rejected = events.NameOf<PermitRejected>();
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1 - minutes);
        var registrations = new long[minutes];
        var decisions = new long[minutes];
        long backlog = 0;
        await foreach (var e in grains.Store.ReadAllAsync(1, http.RequestAborted))
        {
            var isRegistration = e.EventType == registered;
            var isDecision = e.EventType == approved || e.EventType == rejected;
            // Only applications that passed the rules wait for an officer; reading the payload is needed to know which.
            if (e.EventType == applied && grains.Programme.Applicants.Deserialize(e) is PermitApplied { Evaluation.Passed: true })
                backlog++;
            if (isDecision)
                backlog--;
            var minute = (int)Math.Floor((e.RecordedAt - start).TotalMinutes);
            if (minute < 0 || minute >= minutes)
                continue;
            if (isRegistration)
                registrations[minute]++;
            if (isDecision)
                decisions[minute]++;
        }
        string Label(int i) => start.AddMinutes(i).UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        return PageFrame.Page<IntakePage>(http, "Intake", new IntakeModel(
            minutes, registrations.Sum(), decisions.Sum(), Math.Max(0, backlog),
            registrations.Select((n, i) => (Label(i), n)).ToList(), decisions.Select((n, i) => (Label(i), n)).ToList()), refreshSeconds: 10);
    }
}

/// <summary>The intake dashboard's figures: totals over the window, the backlog, and per-minute series.</summary>
public sealed record IntakeModel(
    int Minutes, long Registrations, long Decisions, long Backlog,
    IReadOnlyList<(string Label, long Value)> RegistrationsPerMinute, IReadOnlyList<(string Label, long Value)> DecisionsPerMinute);
