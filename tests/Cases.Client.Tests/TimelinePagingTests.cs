using System.Net;
using System.Text.Json;

namespace Cases.Client.Tests;

/// <summary>How `cases timeline` pages through a long stream, against a scripted silo.</summary>
public sealed class TimelinePagingTests
{
    [Fact]
    public async Task TheTimelineFollowsNextFromVersionUntilTheLastPage()
    {
        const int total = TimelineCommand.PageSize * 2 + 7;
        using var handler = new ScriptedHandler(request =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var from = long.Parse(query["fromVersion"]!, System.Globalization.CultureInfo.InvariantCulture);
            var limit = int.Parse(query["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
            var to = Math.Min(from + limit - 1, total);
            var events = Enumerable.Range((int)from, (int)(to - from + 1)).Select(v => new { eventId = Guid.NewGuid(), stream = "housing/P-1", version = v, type = "Noted" });
            return (HttpStatusCode.OK, JsonSerializer.Serialize(new { stream = "housing/P-1", events, nextFromVersion = to < total ? to + 1 : (long?)null }));
        });

        var run = await CliRun.RunAsync(["timeline", "housing/P-1", "--json", "--token", "t", "--url", "http://silo.test/"], handler);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var versions = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("version").GetInt32());
        Assert.Equal(Enumerable.Range(1, total), versions);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer t", r.Headers.Authorization?.ToString()));
    }

    [Fact]
    public async Task ANextVersionThatDoesNotMoveForwardEndsTheTimelineInsteadOfLooping()
    {
        using var handler = new ScriptedHandler(_ => (HttpStatusCode.OK,
            """{"stream":"housing/P-1","events":[{"eventId":"6f1c2b8e-0000-0000-0000-000000000001","version":1,"type":"Noted"}],"nextFromVersion":1}"""));

        var run = await CliRun.RunAsync(["timeline", "housing/P-1", "--token", "t", "--url", "http://silo.test/"], handler);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Single(handler.Requests);
        Assert.Contains("housing/P-1: 1 event(s).", run.Output, StringComparison.Ordinal);
    }
}
