namespace Gongkai.Charts;

/// <summary>
/// A chart as the site defines it, before it becomes a Chart.js configuration, an SVG and a table: horizontal bars,
/// one row per label, one value per series. Every chart the site draws has this shape, which reads well on phones.
/// </summary>
/// <param name="Name">File name stem, unique on its page: <c>scores</c> → <c>charts/scores.json</c>.</param>
/// <param name="Title">Caption.</param>
/// <param name="Unit">Unit of the values (分, 个, 万元, %).</param>
/// <param name="Series">Series names; one value per series in each row.</param>
/// <param name="Rows">The bars, in display order.</param>
/// <param name="Stacked">Series are stacked rather than side by side.</param>
/// <param name="Thresholds">Vertical reference lines (e.g. the grade bands 60/80/90), with labels.</param>
/// <param name="Max">Fixed end of the value axis (100 for scores and %), or null to fit the data.</param>
/// <param name="Description">A sentence under the caption explaining what the reader sees (thresholds, markers).</param>
public sealed record ChartSpec(
    string Name,
    string Title,
    string Unit,
    IReadOnlyList<string> Series,
    IReadOnlyList<ChartRow> Rows,
    bool Stacked = false,
    IReadOnlyList<Threshold>? Thresholds = null,
    decimal? Max = null,
    string? Description = null);

/// <summary>
/// One bar (or stack): label, values per series, a colour per series or one for the row, a text note shown with
/// the value (the grade, so it is never told by colour alone), and an optional target marker.
/// </summary>
public sealed record ChartRow(string Label, IReadOnlyList<decimal> Values, string? Color = null, string? Note = null, decimal? Target = null, string? TargetLabel = null);

/// <summary>A reference line across the chart.</summary>
public sealed record Threshold(decimal Value, string Label);
