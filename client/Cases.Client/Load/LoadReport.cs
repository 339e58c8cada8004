using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client.Load;

/// <summary>Prints a load run: throughput and latency percentiles of both phases, errors by status, and the one-line JSON benchmark record.</summary>
public static class LoadReport
{
    /// <summary>Writes the tables, then the JSON line as the very last line of output.</summary>
    public static void Render(IAnsiConsole console, LoadResult intake, LoadResult baseline)
    {
        // One column per phase, one row per measure: narrow enough for an 80-column terminal.
        var table = new Table().Border(TableBorder.Rounded).Title("cases load").AddColumns("", intake.Name, baseline.Name);
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        void Row(string measure, Func<LoadResult, string> value) => table.AddRow(new Text(measure), new Text(value(intake)), new Text(value(baseline)));
        Row("requests", r => N(r.Completed) + (r.Completed < r.Requested ? $" of {N(r.Requested)}" : ""));
        Row("ok", r => N(r.Succeeded));
        Row("errors", r => N(r.Errors));
        Row("retries (429/503)", r => N(r.Retries));
        Row("seconds", r => F(r.Elapsed.TotalSeconds, "0.00"));
        Row("requests/s", r => F(r.RequestsPerSecond, "N0"));
        Row("p50 ms", r => F(r.Percentile(50), "0.00"));
        Row("p90 ms", r => F(r.Percentile(90), "0.00"));
        Row("p99 ms", r => F(r.Percentile(99), "0.00"));
        Row("max ms", r => F(r.Max, "0.00"));
        console.Write(table);
        var failures = new[] { intake, baseline }
            .SelectMany(r => r.Statuses.Where(s => s.Key is < 200 or >= 300).Select(s => (r.Name, Status: s.Key, Count: s.Value)))
            .ToList();
        if (failures.Count > 0)
        {
            var errors = new Table().Border(TableBorder.Rounded).Title("errors by status").AddColumns("Phase", "Status", "Count");
            foreach (var (name, status, count) in failures.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Status))
                errors.AddRow(name, status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture), N(count));
            console.Write(errors);
        }
        var ratio = baseline.RequestsPerSecond > 0 ? intake.RequestsPerSecond / baseline.RequestsPerSecond : 0;
        console.WriteLine($"intake sustained {ratio:P1} of the HTTP ceiling (POST /diagnostics/noop with the same client, bodies and concurrency).");
        // Written raw, not through Spectre, so a narrow terminal can never wrap the line a script parses.
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(JsonLine(intake, baseline, ratio));
        writer.Flush();
    }

    /// <summary>The benchmark record: {"bench":"http-intake","requests":…,"requests_per_s":…,"p50_ms":…,"p99_ms":…,"baseline_requests_per_s":…,"ratio":…}.</summary>
    public static string JsonLine(LoadResult intake, LoadResult baseline, double ratio)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("bench", "http-intake");
            json.WriteNumber("requests", intake.Completed);
            json.WriteNumber("requests_per_s", Math.Round(intake.RequestsPerSecond, 1));
            json.WriteNumber("p50_ms", Math.Round(intake.Percentile(50), 2));
            json.WriteNumber("p99_ms", Math.Round(intake.Percentile(99), 2));
            json.WriteNumber("baseline_requests_per_s", Math.Round(baseline.RequestsPerSecond, 1));
            json.WriteNumber("ratio", Math.Round(ratio, 3));
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
