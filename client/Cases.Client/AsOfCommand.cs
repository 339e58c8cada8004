using System.CommandLine;
using System.Globalization;

namespace Cases.Client;

/// <summary>`cases as-of type/key instant`: a grain's state replayed from its events up to an instant (auditor).</summary>
public static class AsOfCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var stream = StreamRef.Argument("stream", "The grain, e.g. applicant/P-1");
        var instant = new Argument<string>("instant")
        {
            Description = "ISO 8601 instant, e.g. 2026-03-01T12:00:00Z, or @<version>: when that version of the stream was recorded",
            Validators =
            {
                r =>
                {
                    var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                    if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) && !IsVersion(text, out _))
                        r.AddError($"'{text}' is not an instant; expected ISO 8601, e.g. 2026-03-01T12:00:00Z, or @<version>, e.g. @3.");
                },
            },
        };
        var reason = AccessReason.Create();
        var output = OutputFormat.Create("table", "json");
        var command = new Command("as-of", "Show a grain's state as it was at an instant, replayed from its timeline.") { stream, instant, reason, output };
        command.WithExamples(
            "cases as-of applicant/<applicant> @3 --reason audit --token <auditor-token>",
            "cases as-of housing/<applicant> 2026-03-01T12:00:00Z --reason audit --token <auditor-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var target = parse.GetRequiredValue(stream);
            var text = parse.GetRequiredValue(instant);
            var headers = new RequestHeaders(cli.RequireToken(parse), parse.GetValue(reason));
            var at = IsVersion(text, out var version)
                ? (await EventAt.ReadAsync(silo, target, version, headers, ct).ConfigureAwait(false)).Text("recordedAt")!
                : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            var path = $"audit/streams/{target.Path}/state?asOf={Uri.EscapeDataString(at)}";
            ShowCommand.Write(cli, await silo.GetAsync(path, headers, ct).ConfigureAwait(false), parse.GetValue(output));
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsVersion(string text, out long version)
    {
        version = 0;
        return text.StartsWith('@') && long.TryParse(text[1..], NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
    }
}
