using Cases.Domain.Applicants;
using Cases.Silo.Api;

namespace Cases.Silo.WebConsole;

/// <summary>A permit application that passed the rules and awaits an officer's decision.</summary>
public sealed record PendingPermit(string ApplicantKey, string PermitId, DateTimeOffset AppliedAt, PermitApplied Application);

/// <summary>Finds pending permit applications by scanning the global log for PermitApplied without a later decision.</summary>
/// <remarks>
/// Cost: one full pass over the global log per call (event-type names are compared before any payload is read), and memory
/// proportional to the undecided applications. A projection kept by the stream dispatcher would make this proportional to the page.
/// </remarks>
internal static class PendingPermits
{
    public static async Task<(List<PendingPermit> Page, int Total)> ScanAsync(ProgrammeGrains grains, int limit, CancellationToken ct)
    {
        var events = grains.Programme.Applicants.Events;
        string applied = events.NameOf<PermitApplied>(), approved = events.NameOf<PermitApproved>(), rejected = events.NameOf<PermitRejected>();
        var pending = new Dictionary<(string, string), PendingPermit>();
        var order = new List<(string, string)>();
        await foreach (var e in grains.Store.ReadAllAsync(1, ct))
        {
            if (e.EventType != applied && e.EventType != approved && e.EventType != rejected || !e.StreamId.StartsWith("applicant/", StringComparison.Ordinal))
                continue;
            var applicant = e.StreamId["applicant/".Length..];
            switch (grains.Programme.Applicants.Deserialize(e))
            {
                // An application that failed the rules is closed at once, so only passed ones wait for an officer.
                case PermitApplied { Evaluation.Passed: true } a:
                    pending[(applicant, a.PermitId)] = new PendingPermit(applicant, a.PermitId, e.RecordedAt, a);
                    order.Add((applicant, a.PermitId));
                    break;
                case PermitApproved d:
                    pending.Remove((applicant, d.PermitId));
                    break;
                case PermitRejected d:
                    pending.Remove((applicant, d.PermitId));
                    break;
            }
        }
        var oldestFirst = order.Distinct().Where(pending.ContainsKey).Select(k => pending[k]).ToList();
        return (oldestFirst.Take(limit).ToList(), oldestFirst.Count);
    }
}
