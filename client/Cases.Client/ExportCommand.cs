using System.CommandLine;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases export type/key|park/parkKey --format jsonl|csv --out file`: a stream's or a park's events to a file, streamed.</summary>
public static class ExportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var stream = StreamRef.Argument("stream", "The grain, e.g. applicant/P-1; park/<parkKey> exports the park with its enterprises");
        var format = new Option<string>("--format") { Description = "jsonl or csv", HelpName = "format", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<FileInfo?>("--out") { Description = "The file to write; standard output when omitted", HelpName = "file" };
        var reason = AccessReason.Create();
        var command = new Command("export", "Export a stream's events (or a park's) as JSON lines or CSV.") { stream, format, output, reason };
        command.WithExamples("cases export park/zgc-01 --format csv --out park.csv --token <auditor-token>", "cases export applicant/<applicant> --reason audit --token <auditor-token> > applicant.jsonl");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var target = parse.GetRequiredValue(stream);
            var path = (target.Type == "park" ? $"audit/parks/{Uri.EscapeDataString(target.Key)}/export" : $"audit/streams/{target.Path}/export")
                + $"?format={parse.GetRequiredValue(format)}";
            var headers = new RequestHeaders(cli.RequireToken(parse), parse.GetValue(reason));
            if (parse.GetValue(output) is not { } file)
            {
                var writer = cli.Console.Profile.Out.Writer;
                await silo.DownloadAsync(path, headers, async body =>
                {
                    using var reader = new StreamReader(body);
                    var buffer = new char[16384];
                    int read;
                    while ((read = await reader.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                        await writer.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                    await writer.FlushAsync(ct).ConfigureAwait(false);
                    return 0;
                }, ct).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            // Written beside the target and moved into place, so a failed export never leaves a half file under the asked name.
            var partial = file.FullName + ".partial";
            try
            {
                var bytes = await silo.DownloadAsync(path, headers, async body =>
                {
                    await using var destination = OpenForWrite(partial);
                    await body.CopyToAsync(destination, ct).ConfigureAwait(false);
                    return destination.Length;
                }, ct).ConfigureAwait(false);
                File.Move(partial, file.FullName, overwrite: true);
                cli.Console.MarkupLineInterpolated($"Wrote {bytes:N0} bytes of {target} to {file.FullName}.");
                return ExitCodes.Success;
            }
            finally
            {
                if (File.Exists(partial))
                    File.Delete(partial);
            }
        });
        return command;
    }

    private static FileStream OpenForWrite(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot write {path}: {e.Message}");
        }
    }
}
