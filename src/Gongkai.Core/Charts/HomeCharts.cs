using Gongkai.Publication;
using Gongkai.Rendering;

namespace Gongkai.Charts;

/// <summary>The home page's comparison across regions and years, from each disclosure's declared figures.</summary>
public static class HomeCharts
{
    /// <summary>Reports published and withheld per disclosure, and evaluated funds per disclosure.</summary>
    public static IReadOnlyList<ChartSpec> For(PublicSite site, UiStrings t)
    {
        var disclosures = site.Regions.SelectMany(r => r.Disclosures.Select(d => (Region: r, Disclosure: d)))
            .OrderBy(x => x.Region.Slug, StringComparer.Ordinal).ThenByDescending(x => x.Disclosure.FiscalYear)
            .ToList();
        if (disclosures.Count == 0)
        {
            return [];
        }

        string Label((PublicRegion Region, PublicDisclosure Disclosure) x) => t.Format("charts.region_year", x.Region.Name, x.Disclosure.FiscalYear);

        return
        [
            new ChartSpec("reports", t["charts.home_reports"], t["units.report"], [t["catalogue.published"], t["catalogue.withheld"]],
                [.. disclosures.Select(x => new ChartRow(Label(x),
                    [x.Disclosure.Evaluation.ReportCount - x.Disclosure.Evaluation.WithheldCount, x.Disclosure.Evaluation.WithheldCount]))],
                Stacked: true),
            new ChartSpec("amounts", t["charts.home_amounts"], t["units.wan"], [t["charts.amount"]],
                [.. disclosures.Select(x => new ChartRow(Label(x), [x.Disclosure.Evaluation.TotalAmount]))]),
        ];
    }
}
