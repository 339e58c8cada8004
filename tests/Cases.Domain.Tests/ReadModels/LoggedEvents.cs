using Cases.Domain.Applicants;
using Cases.Journal.Events;

namespace Cases.Domain.Tests.ReadModels;

/// <summary>Applicant events as the log holds them, numbered in log order, for folding projections without a store.</summary>
public sealed class LoggedEvents(Programme programme)
{
    private long _position;

    /// <summary>An applicant event at the next log position, recorded at the given instant.</summary>
    public StoredEvent Applicant(string key, IApplicantEvent e, DateTimeOffset? recordedAt = null, Guid? id = null, Guid? causedBy = null)
    {
        var (type, schema, payload) = programme.Applicants.Events.Serialize(e);
        var at = recordedAt ?? new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        _position++;
        return new StoredEvent($"applicant/{key}", _position, _position, id ?? Guid.CreateVersion7(at), type, schema, payload, at, at, "test", $"c{_position}",
            causedBy?.ToString("D"), "corr", []);
    }
}
