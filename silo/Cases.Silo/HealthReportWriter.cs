using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cases.Silo;

/// <summary>Writes a health report as JSON: overall status, each check with its description and data, and the duration.</summary>
public static class HealthReportWriter
{
    /// <summary>The response writer for health check endpoints.</summary>
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        // Built in memory first: the serializer flushes synchronously, which Kestrel forbids on the response body.
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
            Write(json, report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private static void Write(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
            WriteEntry(json, name, entry);
        json.WriteEndArray();
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 3));
        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, string name, HealthReportEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("status", entry.Status.ToString());
        json.WriteString("description", entry.Description);
        json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 3));
        json.WriteStartObject("data");
        foreach (var (key, value) in entry.Data)
        {
            json.WritePropertyName(key);
            // Values are the checks' own primitives; the exception, if any, stays in the log.
            JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object));
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
