using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Cases.Silo.Observability;

/// <summary>Collects this silo's meters (Cases, ASP.NET Core hosting and Kestrel) with a MeterListener and renders them in Prometheus text format.</summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly HashSet<string> Meters = [CasesMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), Series> _series = new();
    private readonly IMeterFactory _factory;

    public PrometheusExporter(IMeterFactory factory, CasesMetrics metrics)
    {
        _ = metrics; // the silo's meter must exist before the listener looks for instruments
        _factory = factory;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Meters made by another host's factory (several silos in one test process) belong to that host.
            var ours = ReferenceEquals(instrument.Meter.Scope, _factory);
            if (ours && Meters.Contains(instrument.Meter.Name))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
    }

    /// <summary>Reads the gauges and renders every series seen so far.</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var family in _series.OrderBy(s => s.Key.Name, StringComparer.Ordinal).ThenBy(s => s.Key.Labels, StringComparer.Ordinal).GroupBy(s => s.Key.Name))
        {
            var first = family.First().Value;
            text.Append("# HELP ").Append(family.Key).Append(' ').Append(first.Help).Append('\n');
            text.Append("# TYPE ").Append(family.Key).Append(' ').Append(first.Type).Append('\n');
            foreach (var (key, series) in family)
                series.Write(text, family.Key, key.Labels);
        }
        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var (name, type) = instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> => (Name(instrument) + "_total", "counter"),
            Histogram<long> or Histogram<int> or Histogram<double> => (Name(instrument), "summary"),
            _ => (Name(instrument), "gauge"),
        };
        var series = _series.GetOrAdd((name, labels), _ => new Series(type, Help(instrument)));
        series.Add(value, replace: instrument.IsObservable);
    }

    private static string Name(Instrument instrument)
    {
        var name = new StringBuilder(instrument.Name.Length);
        foreach (var c in instrument.Name)
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return name.ToString();
    }

    private static string Help(Instrument instrument) =>
        (instrument.Description ?? instrument.Name).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
            return "";
        var pairs = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            var escaped = Convert.ToString(value, CultureInfo.InvariantCulture)?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
            pairs.Add($"{key.Replace('.', '_')}=\"{escaped}\"");
        }
        pairs.Sort(StringComparer.Ordinal);
        return "{" + string.Join(',', pairs) + "}";
    }

    /// <summary>One labelled series: a running sum and count (counters, histograms, up-down counters) or the last observed value (gauges).</summary>
    private sealed class Series(string type, string help)
    {
        private readonly Lock _gate = new();
        private double _sum;
        private long _count;

        public string Type { get; } = type;

        public string Help { get; } = help;

        public void Add(double value, bool replace)
        {
            lock (_gate)
            {
                _sum = replace ? value : _sum + value;
                _count++;
            }
        }

        public void Write(StringBuilder text, string name, string labels)
        {
            double sum;
            long count;
            lock (_gate)
                (sum, count) = (_sum, _count);
            if (Type == "summary")
            {
                text.Append(name).Append("_sum").Append(labels).Append(' ').Append(sum.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                text.Append(name).Append("_count").Append(labels).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            else
            {
                text.Append(name).Append(labels).Append(' ').Append(sum.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }
}
