using System.CommandLine;

namespace Cases.Client;

/// <summary>`cases show type/key`: a grain's current state.</summary>
public static class ShowCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var stream = StreamRef.Argument("stream", "The grain, e.g. applicant/P-1, housing/P-1, park/zgc-01");
        var reason = AccessReason.Create();
        var command = new Command("show", "Show a grain's current state.") { stream, reason };
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var target = parse.GetRequiredValue(stream);
            var headers = new RequestHeaders(cli.RequireToken(parse), parse.GetValue(reason));
            AnswerView.Render(cli.Console, await silo.GetAsync(PathOf(target), headers, ct).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
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
}
