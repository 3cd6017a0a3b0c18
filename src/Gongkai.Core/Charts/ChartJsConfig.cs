namespace Gongkai.Charts;

/// <summary>A Chart.js configuration (the subset the site uses), serialised with System.Text.Json in declaration order.</summary>
public sealed record ChartJsConfig(string Type, ChartJsData Data, ChartJsOptions Options)
{
    /// <summary>The Chart.js configuration of a chart: horizontal bars, grade notes and thresholds passed to the site's plugin.</summary>
    public static ChartJsConfig From(ChartSpec spec) => new(
        "bar",
        new ChartJsData(
            [.. spec.Rows.Select(r => r.Label)],
            [.. spec.Series.Select((name, s) => new ChartJsDataset(
                name,
                [.. spec.Rows.Select(r => r.Values[s])],
                spec.Rows.Any(r => r.Color is not null)
                    ? [.. spec.Rows.Select(r => r.Color ?? Palette.Series[s % Palette.Series.Length])]
                    : [Palette.Series[s % Palette.Series.Length]]))]),
        new ChartJsOptions(
            "y",
            new ChartJsScales(
                new ChartJsAxis(spec.Stacked, 0, spec.Max, new ChartJsTitle(true, spec.Unit)),
                new ChartJsAxis(spec.Stacked, null, null, null)),
            new ChartJsPlugins(
                new ChartJsLegend(spec.Series.Count > 1),
                new ChartJsSite(
                    spec.Unit,
                    spec.Rows.Any(r => r.Note is not null) ? [.. spec.Rows.Select(r => r.Note ?? "")] : null,
                    spec.Thresholds,
                    spec.Rows.Any(r => r.Target is not null) ? [.. spec.Rows.Select(r => r.Target)] : null))));
}

/// <summary>Labels and datasets.</summary>
public sealed record ChartJsData(IReadOnlyList<string> Labels, IReadOnlyList<ChartJsDataset> Datasets);

/// <summary>One dataset: its values and bar colours (one per bar, or one for all).</summary>
public sealed record ChartJsDataset(string Label, IReadOnlyList<decimal> Data, IReadOnlyList<string> BackgroundColor);

/// <summary>Options: horizontal bars, axes and plugins.</summary>
public sealed record ChartJsOptions(string IndexAxis, ChartJsScales Scales, ChartJsPlugins Plugins);

/// <summary>The value axis (x) and the category axis (y).</summary>
public sealed record ChartJsScales(ChartJsAxis X, ChartJsAxis Y);

/// <summary>An axis.</summary>
public sealed record ChartJsAxis(bool Stacked, decimal? Min, decimal? Max, ChartJsTitle? Title);

/// <summary>An axis title.</summary>
public sealed record ChartJsTitle(bool Display, string Text);

/// <summary>The built-in legend, and the site's own plugin options under <c>gongkai</c>.</summary>
public sealed record ChartJsPlugins(ChartJsLegend Legend, ChartJsSite Gongkai);

/// <summary>Whether the legend shows.</summary>
public sealed record ChartJsLegend(bool Display);

/// <summary>What the site's plugin (theme/assets/charts.js) draws: unit in tooltips, a note per bar, threshold lines, target markers.</summary>
public sealed record ChartJsSite(string Unit, IReadOnlyList<string>? Notes, IReadOnlyList<Threshold>? Thresholds, IReadOnlyList<decimal?>? Targets);
