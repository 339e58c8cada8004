using System.CommandLine;
using System.Text.Json;

namespace Cases.Client;

/// <summary>The shape most lifecycle commands share: POST a JSON body with the caller's token and an idempotency key, print the recorded events.</summary>
public static class CommandPost
{
    /// <summary>A new --idempotency-key option.</summary>
    public static Option<string?> IdempotencyKey() =>
        new("--idempotency-key") { Description = "Makes a retried command return the first answer; a new key is made when omitted", HelpName = "key" };

    /// <summary>Sets the command's action: the route and body come from the parse; the answer's events are printed.</summary>
    public static void Set(CliContext cli, Command command, Option<string?> key, Func<ParseResult, (string Path, object? Body)> request)
    {
        command.Add(key);
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var (path, body) = request(parse);
            var headers = new RequestHeaders(cli.RequireToken(parse), IdempotencyKey: parse.GetValue(key) ?? Guid.NewGuid().ToString("N"));
            var answer = await silo.PostJsonAsync(path, body is null ? "{}" : JsonSerializer.Serialize(body), headers, ct).ConfigureAwait(false);
            CommandAnswerView.Render(cli.Console, answer);
            return ExitCodes.Success;
        });
    }

    /// <summary>An id escaped for a route segment.</summary>
    public static string Escape(string id) => Uri.EscapeDataString(id);
}
