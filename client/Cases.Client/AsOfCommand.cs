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
        var instant = new Argument<DateTimeOffset>("instant")
        {
            Description = "ISO 8601 instant, e.g. 2026-03-01T12:00:00Z",
            CustomParser = r =>
            {
                var text = r.Tokens[0].Value;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                    return at;
                r.AddError($"'{text}' is not an instant; expected ISO 8601, e.g. 2026-03-01T12:00:00Z.");
                return default;
            },
        };
        var reason = AccessReason.Create();
        var command = new Command("as-of", "Show a grain's state as it was at an instant, replayed from its timeline.") { stream, instant, reason };
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var at = parse.GetRequiredValue(instant).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            var path = $"audit/streams/{parse.GetRequiredValue(stream).Path}/state?asOf={Uri.EscapeDataString(at)}";
            var headers = new RequestHeaders(cli.RequireToken(parse), parse.GetValue(reason));
            AnswerView.Render(cli.Console, await silo.GetAsync(path, headers, ct).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
    }
}
