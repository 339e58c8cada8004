using System.Collections.Concurrent;
using Cases.Domain.Applicants;
using Cases.Domain.Enterprises;
using Cases.Domain.Imports;
using Cases.Grains.Contracts;

namespace Cases.Silo.Api;

/// <summary>Sends the commands of an import to their cases, a bounded number of cases at a time, and sorts every outcome into the report.</summary>
public static class ImportRunner
{
    public static async Task<ImportReport> RunAsync(
        ProgrammeGrains grains, IReadOnlyList<ImportCommand> commands, IReadOnlyList<RefusedRow> refusedEarly, int rows,
        string actor, string? correlationId, int concurrency, CancellationToken ct)
    {
        var refused = new ConcurrentBag<RefusedRow>(refusedEarly);
        var imported = new ConcurrentBag<ImportedRow>();
        var toDecide = new ConcurrentBag<RowToDecide>();
        // A case's rows go one after another in file order (a registration follows its permit); different cases go in parallel.
        var byCase = commands.GroupBy(c => c.Grain.StreamId, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(byCase, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct }, async (group, _) =>
        {
            foreach (var command in group)
            {
                var result = await SendAsync(grains, command, new CommandMeta(command.CommandId, actor, correlationId));
                // The source's id was used by another admin or for other data: decided afresh under this admin's own id, the grain
                // answers a no-op for the same facts (already imported) and a conflict for different ones (to decide).
                if (result.Rejection is { Code: CommandRejections.IdempotencyKeyReused })
                    result = await SendAsync(grains, command, new CommandMeta(ImportRecords.CommandIdOf(command.Source, actor), actor, correlationId));
                var grain = command.Grain.StreamId;
                switch (result.Rejection)
                {
                    case null:
                        imported.Add(new ImportedRow(command.Line, grain, result.IsRetry || result.Events.Count == 0));
                        break;
                    case { Code: CommandRejections.IdempotencyKeyReused }:
                        toDecide.Add(new RowToDecide(command.Line, grain, ImportRejections.ConflictsWithImport,
                            $"{command.Source} was already imported with other data; a person decides which record stands."));
                        break;
                    case { } rejection when ImportRejections.IsForAPerson(rejection.Code):
                        toDecide.Add(new RowToDecide(command.Line, grain, rejection.Code, rejection.Message));
                        break;
                    case { } rejection:
                        refused.Add(new RefusedRow(command.Line, FieldOf(rejection.Code), rejection.Message));
                        break;
                }
            }
        });
        var cases = imported.OrderBy(r => r.Line).ToList();
        return new ImportReport("", rows, cases.Count(r => !r.AlreadyImported), cases.Count(r => r.AlreadyImported), cases,
            [.. refused.OrderBy(r => r.Line)], [.. toDecide.OrderBy(r => r.Line)]);
    }

    private static Task<CommandResult> SendAsync(ProgrammeGrains grains, ImportCommand command, CommandMeta meta) => command.Command switch
    {
        IApplicantCommand applicant => grains.Applicant(command.Grain.Key).Execute(applicant, meta),
        IEnterpriseCommand enterprise => grains.Enterprise(command.Grain.Key).Execute(enterprise, meta),
        var other => throw new InvalidOperationException($"{other.GetType().Name} is not an import command."),
    };

    // The grain's refusals name no field; the few that concern one say which.
    private static string FieldOf(string code) => code switch
    {
        ImportRejections.FutureDecision => "decidedOn",
        ApplicantRejections.InvalidIdentityDocument or ApplicantRejections.IdentityMismatch => "identityDocument",
        _ => "row",
    };
}
