using Cases.Domain.Audit;
using Cases.Domain.Housing;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Silo.Api;

/// <summary>Who may read which stream through the audit API, and the access record a read of an applicant's streams leaves first.</summary>
internal static class AuditAccess
{
    /// <summary>The grain types whose streams hold an applicant's personal data, keyed by the applicant's key.</summary>
    public static readonly IReadOnlySet<string> ApplicantStreamTypes = new HashSet<string>(StringComparer.Ordinal) { "applicant", HousingDecider.Type };

    /// <summary>Null when the caller may read the stream (after recording the read if it is an applicant's); otherwise the problem to answer.</summary>
    /// <param name="applicantMayRead">Whether an applicant may read their own streams through this endpoint (the timeline only).</param>
    public static async Task<ProblemHttpResult?> ToStreamAsync(
        HttpContext http, ProgrammeGrains grains, Caller caller, string type, string key, string what, bool applicantMayRead)
    {
        if (caller.Is(Roles.Applicant) && !applicantMayRead)
            return Problems.Forbidden("Applicants may read their own case's timeline, not this.");
        // The access log is the record of who read whom: for auditors and admins only.
        if (type == AccessLogDecider.Type)
            return caller.Is(Roles.Auditor) || caller.Is(Roles.Admin) ? null : Problems.Forbidden("Only auditors and admins read access logs.");
        if (ApplicantStreamTypes.Contains(type))
            return await Access.ToApplicantAsync(http, grains, caller, key, $"{what} of {type}/{key}", $"{type}/{key}");
        return caller.CanReadEverything ? null : Problems.Forbidden($"The {caller.Role} role may not read {type} streams through the audit API.");
    }

    /// <summary>The applicant whose personal data a stream holds, or null for streams that hold none.</summary>
    public static string? ApplicantOf(string streamId)
    {
        var slash = streamId.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && ApplicantStreamTypes.Contains(streamId[..slash]) ? streamId[(slash + 1)..] : null;
    }
}
