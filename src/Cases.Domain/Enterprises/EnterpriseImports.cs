using Cases.Domain.Deciders;
using static Cases.Domain.Imports.ImportRejections;
using D = Cases.Domain.Deciders.Decision<Cases.Domain.Enterprises.IEnterpriseEvent>;

namespace Cases.Domain.Enterprises;

/// <summary>Deciding imported park admissions and start-up grants: facts on imported enterprises only, never merged into one registered here.</summary>
internal static class EnterpriseImports
{
    public static D ParkAdmission(EnterpriseState state, ImportParkAdmission import, CommandContext ctx)
    {
        if (Preconditions(import.DecidedOn, ctx) is { } refused)
            return refused;
        if (string.IsNullOrWhiteSpace(import.Name) || string.IsNullOrWhiteSpace(import.Industry) || string.IsNullOrWhiteSpace(import.District) || string.IsNullOrWhiteSpace(import.ParkKey))
            return D.Reject("details-missing", "Name, industry, district and park are required.");
        // The admission event is the one the park roster's stream already follows, so the park lists the imported enterprise too.
        var admitted = new IEnterpriseEvent[]
        {
            new ParkAdmissionImported(import.ParkKey, import.Source, import.DecidedOn, ctx.Actor),
            new EnterpriseAdmittedToPark(import.ParkKey, import.DecidedOn),
        };
        if (!state.IsRegistered)
            return D.Accept([new EnterpriseImported(import.Name, import.Industry, import.District, import.Source, import.DecidedOn, ctx.Actor), .. admitted]);
        if (Unimported(state, ctx) is { } live)
            return live;
        if (state.Registration!.Name != import.Name)
            return D.Reject(ConflictsWithImport, $"The imported enterprise {ctx.GrainKey.Key} is {state.Registration.Name}; this row names {import.Name}.");
        if (state.CurrentParkKey == import.ParkKey && state.AdmittedOn == import.DecidedOn)
            return D.Accept(); // The same admission under another row id: already known.
        return (state.CurrentParkKey ?? state.GraduatedFromParkKey) is { } park
            ? D.Reject(ConflictsWithImport, $"The enterprise is already recorded in park {park}; this row admits it to {import.ParkKey} on {CityCalendar.Format(import.DecidedOn)}.")
            : D.Accept(admitted);
    }

    public static D StartupGrant(EnterpriseState state, ImportStartupGrant import, CommandContext ctx)
    {
        if (Preconditions(import.DecidedOn, ctx) is { } refused)
            return refused;
        if (import.AmountCny <= 0)
            return D.Reject("amount-invalid", "A paid grant has a positive amount.");
        if (!state.IsRegistered)
            return D.Reject(NothingToAttachTo, $"No enterprise {ctx.GrainKey.Key} was imported; import its park admission row first.");
        if (Unimported(state, ctx) is { } live)
            return live;
        return state.StartupGrant switch
        {
            null or { Awarded: false } => D.Accept(new StartupGrantImported(import.ProgrammeYear, import.AmountCny, import.Source, import.DecidedOn, ctx.Actor)),
            { AmountCny: var amount, RecordedOn: var on } when amount == import.AmountCny && on == import.DecidedOn => D.Accept(),
            // Art. 6: one initial start-up support per enterprise, so a second paid grant is a contradiction for a person to settle.
            var held => D.Reject(ConflictsWithImport, $"A start-up grant of CNY {held.AmountCny} paid on {CityCalendar.Format(held.RecordedOn)} is already recorded."),
        };
    }

    public static EnterpriseState Apply(EnterpriseState state, EnterpriseImported e) => state with
    {
        // No founders and no capital are known from the old register; the registration says who imported it and when it was decided.
        Registration = new EnterpriseRegistered(e.Name, [], false, 0, e.Industry, e.District, e.DecidedOn, e.ImportedBy),
        ImportedFrom = e.Source,
    };

    public static EnterpriseState Apply(EnterpriseState state, StartupGrantImported e) => state with
    {
        StartupGrant = new StartupGrantRecorded(true, e.AmountCny, $"paid by the {e.ProgrammeYear} programme, imported from {e.Source}", e.DecidedOn),
    };

    private static D? Preconditions(DateOnly decidedOn, CommandContext ctx) =>
        !ctx.ByAdmin ? D.Reject(NotAnAdmin, $"Only an admin imports decisions taken elsewhere; {ctx.Actor} is not one.")
        : decidedOn > ctx.Today ? D.Reject(FutureDecision, $"The decision date {CityCalendar.Format(decidedOn)} lies after today ({CityCalendar.Format(ctx.Today)}).")
        : null;

    // An enterprise registered on the platform belongs to its founders' case: an import never adds to it silently.
    private static D? Unimported(EnterpriseState state, CommandContext ctx) => state.ImportedFrom is null
        ? D.Reject(MatchesExistingCase, $"An enterprise registered on the platform has id {ctx.GrainKey.Key}; a person decides whether the imported record is its.")
        : null;
}
