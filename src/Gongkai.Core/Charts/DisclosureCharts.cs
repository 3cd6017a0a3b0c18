using Gongkai.Model;
using Gongkai.Publication;
using Gongkai.Rendering;

namespace Gongkai.Charts;

/// <summary>
/// The charts of a disclosure page, made only from public data (published entries and declared figures) and only
/// where the data supports them: no chart is empty.
/// </summary>
public static class DisclosureCharts
{
    /// <summary>Score thresholds of the grade bands.</summary>
    private static readonly decimal[] Bands = [60m, 80m, 90m];

    private const string IndicatorChart = "indicators", ScoreChart = "scores", GradeChart = "grades", CategoryChart = "categories", AmountChart = "amounts";

    /// <summary>
    /// The names of a disclosure's charts, in page order: which charts there are, found without making them (their files
    /// are named after them, and a rebuild that keeps a disclosure's files needs no more).
    /// </summary>
    public static IReadOnlyList<string> Names(PublicDisclosure d)
    {
        var names = new List<string>(5);
        if (d.Indicators.Any(IsTargeted))
        {
            names.Add(IndicatorChart);
        }

        if (d.Published.Any(e => e.Score is not null))
        {
            names.AddRange([ScoreChart, GradeChart]);
        }

        if (d.Evaluation.ByCategory is { } byCategory && byCategory.Sum(c => c.Count) > 0)
        {
            names.Add(CategoryChart);
        }

        if (d.Published.Any(e => e.Amount is not null))
        {
            names.Add(AmountChart);
        }

        return names;
    }

    /// <summary>The charts for one disclosure, in page order.</summary>
    public static IReadOnlyList<ChartSpec> For(PublicDisclosure d, UiStrings t) => [.. Names(d).Select(name => Chart(name, d, t))];

    private static bool IsTargeted(Indicator i) => i is { Target: not null, Unit: "%" };

    private static ChartSpec Chart(string name, PublicDisclosure d, UiStrings t) => name switch
    {
        IndicatorChart => new ChartSpec(IndicatorChart, t["charts.indicators"], "%", [t["charts.value"]],
            [.. d.Indicators.Where(IsTargeted).Select(i => new ChartRow(i.Period is null ? i.Label : t.Format("charts.indicator_label", i.Label, i.Period), [i.Value],
                Target: i.Target, TargetLabel: t.Format("charts.target", Formats.Number(i.Target!.Value), i.TargetNote ?? "")))],
            Max: 100m,
            Description: t["charts.indicators_note"]),
        ScoreChart => new ChartSpec(ScoreChart, t["charts.scores"], t["units.score"], [t["charts.score"]],
            [.. d.Published.Where(e => e.Score is not null).OrderByDescending(e => e.Score).ThenBy(e => e.No)
                .Select(e => new ChartRow(e.Title!, [e.Score!.Value], Palette.Of(e.Grade ?? Grades.FromScore(e.Score!.Value)), (e.Grade ?? Grades.FromScore(e.Score!.Value)).Label()))],
            Thresholds: [.. Bands.Select(b => new Threshold(b, Formats.Number(b)))],
            Max: 100m,
            Description: t["charts.scores_note"]),
        GradeChart => new ChartSpec(GradeChart, t["charts.grades"], t["units.report"], [t["charts.reports"]],
            [.. Enum.GetValues<Grade>().Select(g => new ChartRow(g.Label(), [d.Published.Count(e => e.Grade == g)], Palette.Of(g)))]),
        CategoryChart => new ChartSpec(CategoryChart, t["charts.categories"], t["units.count"], [t["charts.objects"]],
            [.. d.Evaluation.ByCategory!.Select(c => new ChartRow(c.Category.Label, [c.Count]))]),
        _ => new ChartSpec(AmountChart, t["charts.amounts"], t["units.wan"], [t["charts.amount"]],
            [.. d.Published.Where(e => e.Amount is not null)
                .GroupBy(e => e.Category?.Label ?? t["charts.uncategorised"])
                .Select(g => new ChartRow(g.Key, [g.Sum(e => e.Amount!.Value)]))
                .OrderByDescending(r => r.Values[0])]),
    };
}
