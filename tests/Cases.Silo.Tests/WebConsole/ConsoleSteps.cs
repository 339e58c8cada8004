using System.Net;
using System.Text.RegularExpressions;
using Cases.Journal.Storage;
using Cases.Silo.Auth;
using Cases.Silo.Tests.Api;
using Cases.Silo.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.WebConsole;

/// <summary>Steps of the console tests over plain HTTP: signing in as a browser would, loading pages, and reading access records back.</summary>
public static partial class ConsoleSteps
{
    /// <summary>A cookie-keeping client without a bearer header, signed in through the console's sign-in form with a token for the role.</summary>
    public static async Task<HttpClient> SignInToConsoleAsync(this ApiSilo silo, string role, string subject)
    {
        var client = ConsoleBrowser.Open(silo.Factory);
        var token = silo.Factory.Services.GetRequiredService<TokenService>().Issue(role, subject, TimeSpan.FromHours(1));
        var signedIn = await ConsoleBrowser.SignInAsync(client, token);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)signedIn.StatusCode}");
        return client;
    }

    /// <summary>GETs a console page; answers its status and HTML.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> PageAsync(this HttpClient console, string url)
    {
        var response = await console.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The applicant's access records, read back through the audit API as an auditor.</summary>
    public static async Task<List<(string Reason, string What)>> AccessRecordsAsync(this ApiSilo silo, string applicant)
    {
        var page = await silo.Auditor().GetOkAsync($"/audit/access-records/{applicant}");
        return page.GetProperty("records").EnumerateArray().Select(r => (r.GetProperty("reason").GetString()!, r.GetProperty("what").GetString()!)).ToList();
    }

    /// <summary>Registers and recognises an applicant whose permit application passes the rules and awaits an officer.</summary>
    public static async Task PendingPermitAsync(this ApiSilo silo, string applicant)
    {
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(applicant));
        await own.PostOkAsync($"/applicants/{applicant}/recognition", new { applicationId = "rec-1" });
        await own.PostOkAsync($"/applicants/{applicant}/permits", new { permitId = "permit-1", employerReference = "acme-cert-1" });
        // The queue is a read model the streams feed; read in-process, so the wait records no access.
        var bucket = silo.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<Cases.Grains.Contracts.IOfficerQueueGrain>(Cases.Domain.ReadModels.OfficerQueue.BucketOf(applicant));
        await PollAsync(async () => (await bucket.Oldest(new Cases.Grains.Contracts.QueueFilter(null, null), 0, 10_000)).Oldest.Any(a => a.ApplicantKey == applicant),
            queued => queued, $"{applicant} in the officers' queue");
    }

    /// <summary>The id of a stream's first event, once the stream has one (deliveries open some streams later); read from the store, so no access is recorded.</summary>
    public static Task<string> FirstEventIdAsync(this ApiSilo silo, string stream) =>
        PollAsync(
            async () => (await silo.Factory.Services.GetRequiredService<IEventStore>().ReadStreamAsync(stream, 1, 1).FirstOrDefaultAsync())?.EventId.ToString() ?? "",
            id => id.Length > 0,
            $"the first event of {stream}");

    /// <summary>The applicants whose applications a queue page shows.</summary>
    public static List<string> ShownApplicants(string queueHtml) => ShownApplication().Matches(queueHtml).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<section class=\"application\" id=\"app-([^\"]+)\"")]
    private static partial Regex ShownApplication();
}
