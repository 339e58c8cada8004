using Cases.Domain;
using Cases.Grains.Contracts;
using Cases.Journal.Storage;
using Cases.Silo.Auth;

namespace Cases.Silo.Api;

/// <summary>The programme's grains as endpoints reach them through Orleans, the journal they read timelines from, and the metadata every command carries from the HTTP request.</summary>
public sealed class ProgrammeGrains(IGrainFactory factory, IEventStore store, Programme programme)
{
    private const int MaxKeyLength = 128;

    /// <summary>The journal, for timelines, replays, traces and exports.</summary>
    public IEventStore Store { get; } = store;

    public Programme Programme { get; } = programme;

    /// <summary>Orleans' grain factory, for the read models' partitions.</summary>
    public IGrainFactory Factory { get; } = factory;

    public IApplicantGrain Applicant(string key) => Factory.GetGrain<IApplicantGrain>(key);

    public IHousingGrain Housing(string applicantKey) => Factory.GetGrain<IHousingGrain>(applicantKey);

    public IHousingOfficeGrain HousingOffice(string district) => Factory.GetGrain<IHousingOfficeGrain>(district);

    public IEnterpriseGrain Enterprise(string key) => Factory.GetGrain<IEnterpriseGrain>(key);

    public ISubsidyProgramGrain SubsidyProgram(string key) => Factory.GetGrain<ISubsidyProgramGrain>(key);

    public IParkGrain Park(string key) => Factory.GetGrain<IParkGrain>(key);

    public IAccessLogGrain AccessLog(string applicantKey) => Factory.GetGrain<IAccessLogGrain>(applicantKey);

    public IImportLogGrain ImportLog(string importId) => Factory.GetGrain<IImportLogGrain>(importId);

    public ITokenRevocationsGrain TokenRevocations() => Auth.Revocations.List(Factory);

    /// <summary>The command's metadata: the caller as actor, the Idempotency-Key (if any) as command id, X-Correlation-Id if given.</summary>
    public static CommandMeta Meta(HttpContext http, Caller caller) => new(
        CommandId: Header(http, "Idempotency-Key"),
        Actor: caller.Actor,
        CorrelationId: Header(http, "X-Correlation-Id"));

    /// <summary>A header's value if present and sane; over-long values are refused rather than stored.</summary>
    public static string? Header(HttpContext http, string name)
    {
        var value = http.Request.Headers[name].ToString();
        if (value.Length == 0)
            return null;
        if (value.Length > MaxKeyLength || value.Any(char.IsControl))
            throw new BadHttpRequestException($"The {name} header must be at most {MaxKeyLength} printable characters.");
        return value;
    }
}
