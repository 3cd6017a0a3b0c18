using System.Globalization;
using System.Text;
using Gongkai.Rendering;

namespace Gongkai.Charts;

/// <summary>
/// Draws a <see cref="ChartSpec"/> as a static SVG at build time, so the chart prints, archives and shows without
/// JavaScript. Labels sit above their bars (long Chinese titles wrap instead of being cut), values and notes after them.
/// </summary>
public static class SvgChart
{
    private const int Width = 400, Margin = 8, FontSize = 13, LineHeight = 17, BarHeight = 16, SeriesGap = 2, RowGap = 10, ValueRoom = 84;

    /// <summary>The SVG markup of a chart; ids are prefixed with <paramref name="idPrefix"/> to stay unique on the page.</summary>
    public static string Render(ChartSpec spec, string idPrefix)
    {
        var max = spec.Max ?? NiceMax(spec.Rows.Select(r => spec.Stacked ? r.Values.Sum() : r.Values.DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max());
        var plot = Width - 2 * Margin - ValueRoom;
        double X(decimal v) => Margin + (double)(max == 0 ? 0 : v / max) * plot;

        var body = new StringBuilder();
        var y = Margin + (spec.Thresholds is { Count: > 0 } ? LineHeight : 0);
        var top = y;
        foreach (var row in spec.Rows)
        {
            foreach (var line in Wrap(row.Label, Width - 2 * Margin))
            {
                y += LineHeight;
                body.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"{y - 4}\" class=\"label\">{HtmlText.Escape(line)}</text>");
            }

            var bars = spec.Stacked ? 1 : row.Values.Count;
            var start = 0m;
            for (var s = 0; s < row.Values.Count; s++)
            {
                var value = row.Values[s];
                var barY = y + (spec.Stacked ? 0 : s * (BarHeight + SeriesGap));
                var from = spec.Stacked ? start : 0m;
                var color = row.Color ?? Palette.Series[s % Palette.Series.Length];
                body.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{X(from):0.#}\" y=\"{barY}\" width=\"{X(from + value) - X(from):0.#}\" height=\"{BarHeight}\" fill=\"{color}\"><title>{HtmlText.Escape(spec.Series[s])}：{Formats.Number(value)} {HtmlText.Escape(spec.Unit)}</title></rect>");
                start += value;
                if (!spec.Stacked)
                {
                    body.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{X(value) + 4:0.#}\" y=\"{barY + BarHeight - 3}\" class=\"value\">{HtmlText.Escape(ValueText(spec, row, s))}</text>");
                }
            }

            if (spec.Stacked)
            {
                body.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{X(start) + 4:0.#}\" y=\"{y + BarHeight - 3}\" class=\"value\">{HtmlText.Escape(string.Join(" / ", row.Values.Select(Formats.Number)))}</text>");
            }

            if (row.Target is { } target)
            {
                body.Append(CultureInfo.InvariantCulture,
                    $"<line x1=\"{X(target):0.#}\" x2=\"{X(target):0.#}\" y1=\"{y - 3}\" y2=\"{y + BarHeight + 3}\" class=\"target\"><title>{HtmlText.Escape(row.TargetLabel ?? Formats.Number(target))}</title></line>");
            }

            y += bars * (BarHeight + SeriesGap) + RowGap;
        }

        foreach (var threshold in spec.Thresholds ?? [])
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{X(threshold.Value):0.#}\" x2=\"{X(threshold.Value):0.#}\" y1=\"{top - 2}\" y2=\"{y - RowGap}\" class=\"threshold\"/>" +
                $"<text x=\"{X(threshold.Value):0.#}\" y=\"{top - 5}\" class=\"threshold-label\" text-anchor=\"middle\">{HtmlText.Escape(threshold.Label)}</text>");
        }

        var height = y - RowGap + Margin;
        var legend = spec.Series.Count > 1 ? Legend(spec, ref height) : "";
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" class=\"chart-svg\" role=\"img\" aria-labelledby=\"{idPrefix}-title\">" +
               $"<title id=\"{idPrefix}-title\">{HtmlText.Escape(spec.Title)}</title>{body}{legend}</svg>";
    }

    private static string ValueText(ChartSpec spec, ChartRow row, int series) =>
        row.Note is null ? Formats.Number(row.Values[series]) : $"{Formats.Number(row.Values[series])} {row.Note}";

    private static string Legend(ChartSpec spec, ref int height)
    {
        var legend = new StringBuilder();
        var x = Margin;
        var y = height;
        for (var s = 0; s < spec.Series.Count; s++)
        {
            legend.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{Palette.Series[s % Palette.Series.Length]}\"/><text x=\"{x + 16}\" y=\"{y + 11}\" class=\"label\">{HtmlText.Escape(spec.Series[s])}</text>");
            x += 16 + (int)TextWidth(spec.Series[s]) + 16;
        }

        height += LineHeight + Margin;
        return legend.ToString();
    }

    /// <summary>A round axis end at or above the largest value: 1, 2 or 5 times a power of ten.</summary>
    internal static decimal NiceMax(decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 2m, 5m, 10m })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    // Estimated width at the chart's font size: wide (CJK) characters take a full em, others about half.
    private static double TextWidth(string text) => text.Sum(CharWidth);

    private static double CharWidth(char c) => Markdown.Cjk.IsWide(c) ? FontSize : FontSize * 0.55;

    private static IEnumerable<string> Wrap(string text, double width)
    {
        var line = new StringBuilder();
        double used = 0;
        foreach (var c in text)
        {
            var w = CharWidth(c);
            if (used + w > width && line.Length > 0)
            {
                yield return line.ToString();
                line.Clear();
                used = 0;
            }

            line.Append(c);
            used += w;
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
