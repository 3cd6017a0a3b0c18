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

    /// <summary>The charts for one disclosure, in page order.</summary>
    public static IReadOnlyList<ChartSpec> For(PublicDisclosure d, UiStrings t)
    {
        var charts = new List<ChartSpec>();
        var published = d.Published.ToList();

        var targeted = d.Indicators.Where(i => i is { Target: not null, Unit: "%" }).ToList();
        if (targeted.Count > 0)
        {
            charts.Add(new ChartSpec("indicators", t["charts.indicators"], "%", [t["charts.value"]],
                [.. targeted.Select(i => new ChartRow(i.Period is null ? i.Label : t.Format("charts.indicator_label", i.Label, i.Period), [i.Value],
                    Target: i.Target, TargetLabel: t.Format("charts.target", Formats.Number(i.Target!.Value), i.TargetNote ?? "")))],
                Max: 100m,
                Description: t["charts.indicators_note"]));
        }

        var scored = published.Where(e => e.Score is not null).OrderByDescending(e => e.Score).ThenBy(e => e.No).ToList();
        if (scored.Count > 0)
        {
            charts.Add(new ChartSpec("scores", t["charts.scores"], t["units.score"], [t["charts.score"]],
                [.. scored.Select(e => new ChartRow(e.Title!, [e.Score!.Value], Palette.Of(e.Grade ?? Grades.FromScore(e.Score!.Value)), (e.Grade ?? Grades.FromScore(e.Score!.Value)).Label()))],
                Thresholds: [.. Bands.Select(b => new Threshold(b, Formats.Number(b)))],
                Max: 100m,
                Description: t["charts.scores_note"]));

            var graded = published.Where(e => e.Grade is not null).ToList();
            charts.Add(new ChartSpec("grades", t["charts.grades"], t["units.report"], [t["charts.reports"]],
                [.. Enum.GetValues<Grade>().Select(g => new ChartRow(g.Label(), [graded.Count(e => e.Grade == g)], Palette.Of(g)))]));
        }

        if (d.Evaluation.ByCategory is { } byCategory && byCategory.Sum(c => c.Count) > 0)
        {
            charts.Add(new ChartSpec("categories", t["charts.categories"], t["units.count"], [t["charts.objects"]],
                [.. byCategory.Select(c => new ChartRow(c.Category.Label, [c.Count]))]));
        }

        var amounts = published.Where(e => e.Amount is not null)
            .GroupBy(e => e.Category?.Label ?? t["charts.uncategorised"])
            .Select(g => new ChartRow(g.Key, [g.Sum(e => e.Amount!.Value)]))
            .OrderByDescending(r => r.Values[0])
            .ToList();
        if (amounts.Count > 0)
        {
            charts.Add(new ChartSpec("amounts", t["charts.amounts"], t["units.wan"], [t["charts.amount"]], amounts));
        }

        return charts;
    }
}
