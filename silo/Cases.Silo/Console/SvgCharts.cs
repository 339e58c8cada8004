using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Cases.Silo.WebConsole;

/// <summary>Inline SVG bar charts built as markup (Razor reserves the SVG &lt;text&gt; tag), with every label encoded.</summary>
public static class SvgCharts
{
    public static MarkupString Bars(string id, string caption, IReadOnlyList<(string Label, long Value)> values, int width = 480, int height = 200)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{E(id)}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(caption)}\">");
        if (values.Count == 0)
            svg.Append("<text x=\"10\" y=\"20\">No data yet</text>");
        var max = values.Count == 0 ? 0 : values.Max(v => v.Value);
        var slot = (width - 20.0) / Math.Max(1, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var (label, value) = values[i];
            var bar = max <= 0 ? 0 : (height - 40.0) * value / max;
            var x = 10 + i * slot;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{F(x + slot * 0.1)}\" y=\"{F(height - 20 - bar)}\" width=\"{F(slot * 0.8)}\" height=\"{F(bar)}\" fill=\"#468\"><title>{E(label)}: {value}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(x + slot / 2)}\" y=\"{F(height - 24 - bar)}\" text-anchor=\"middle\">{value.ToString("N0", CultureInfo.InvariantCulture)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + slot / 2)}\" y=\"{height - 6}\" text-anchor=\"middle\">{E(label)}</text>");
        }
        svg.Append("</svg>");
        return new MarkupString($"<figure><figcaption>{E(caption)}</figcaption>{svg}</figure>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
