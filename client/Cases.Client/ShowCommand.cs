using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Cases.Client;

/// <summary>`cases show type/key`: a grain's current state, optionally waiting (bounded) until a member is set, as stream effects arrive asynchronously.</summary>
public static class ShowCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var stream = StreamRef.Argument("stream", "The grain, e.g. applicant/<applicant>, housing/<applicant>, enterprise/<enterprise>, park/<park>");
        var reason = AccessReason.Create();
        var output = OutputFormat.Create("table", "json");
        var until = new Option<string?>("--until")
        {
            Description = "Wait until this member of the answer is set (not null, not false), e.g. state.unitId; a missing case is waited for too",
            HelpName = "member",
        };
        var wait = new Option<double>("--wait") { Description = "Seconds --until waits at most before failing (exit 6 or 7)", HelpName = "seconds", DefaultValueFactory = _ => 30 };
        var command = new Command("show", "Show a grain's current state.") { stream, reason, output, until, wait };
        command.WithExamples(
            "cases show applicant/<applicant> --token <applicant-token>",
            "cases show housing/<applicant> --until state.unitId --reason \"allocation check\" --token <officer-token>",
            "cases show enterprise/E-aurora --output json --token <officer-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var path = PathOf(parse.GetRequiredValue(stream));
            var headers = new RequestHeaders(cli.RequireToken(parse), parse.GetValue(reason));
            var answer = parse.GetValue(until) is { } member
                ? await UntilAsync(silo, path, headers, member, TimeSpan.FromSeconds(parse.GetValue(wait)), ct).ConfigureAwait(false)
                : await silo.GetAsync(path, headers, ct).ConfigureAwait(false);
            Write(cli, answer, parse.GetValue(output));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes an answer as readable text, or as one line of JSON for --output json.</summary>
    public static void Write(CliContext cli, JsonElement answer, string? output)
    {
        if (output == "json")
            cli.Console.Profile.Out.Writer.WriteLine(answer.OneLine());
        else
            AnswerView.Render(cli.Console, answer);
    }

    /// <summary>Where the state lives: each grain type's own resource (open to its owner, e.g. an applicant); any other type through the audit API.</summary>
    public static string PathOf(StreamRef stream)
    {
        var key = Uri.EscapeDataString(stream.Key);
        return stream.Type switch
        {
            "applicant" => $"applicants/{key}",
            "housing" => $"housing/{key}",
            "housing-office" => $"housing-offices/{key}",
            "enterprise" => $"enterprises/{key}",
            "park" => $"parks/{key}",
            "subsidy-program" => $"subsidy-programs/{key}",
            _ => $"audit/streams/{stream.Path}/state",
        };
    }

    /// <summary>Whether the dotted member path of the answer is set: present, not null and not false.</summary>
    public static bool IsSet(JsonElement answer, string member)
    {
        JsonElement? current = answer;
        foreach (var name in member.Split('.', StringSplitOptions.RemoveEmptyEntries))
            current = current?.Member(name);
        return current is { } value && value.ValueKind != JsonValueKind.False;
    }

    private static async Task<JsonElement> UntilAsync(SiloClient silo, string path, RequestHeaders headers, string member, TimeSpan wait, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            SiloProblemException? missing = null;
            JsonElement answer = default;
            try
            {
                answer = await silo.GetAsync(path, headers, ct).ConfigureAwait(false);
                if (IsSet(answer, member))
                    return answer;
            }
            catch (SiloProblemException e) when (e.Status == 404)
            {
                missing = e;
            }
            if (DateTime.UtcNow >= deadline)
            {
                if (missing is not null)
                    throw missing;
                throw new CliInputException(
                    $"{member} was not set within {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; last answer: {answer.OneLine()}",
                    ExitCodes.Conflict);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false);
        }
    }
}
