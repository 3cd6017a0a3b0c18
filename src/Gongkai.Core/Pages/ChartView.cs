using Gongkai.Charts;
using Gongkai.Data;
using Gongkai.Pipelines;
using Gongkai.Rendering;

namespace Gongkai.Pages;

/// <summary>What a page's template needs of a chart: the spec (for the table), its SVG, and links to its JSON and CSV.</summary>
public sealed record ChartView(ChartSpec Spec, RawHtml Svg, string Id, string JsonHref, string CsvHref)
{
    /// <summary>The scripts a page with charts loads (deferred, in order): Chart.js, then the site's chart code.</summary>
    public static readonly IReadOnlyList<string> Scripts = ["assets/vendor/chart.umd.min.js", "assets/charts.js"];

    /// <summary>Views of the charts of the page at <paramref name="pagePath"/>.</summary>
    public static IReadOnlyList<ChartView> For(IReadOnlyList<ChartSpec> charts, string pagePath, Permalinks links) =>
        [.. charts.Select(c => new ChartView(c, new RawHtml(SvgChart.Render(c, "chart-" + c.Name)), "chart-" + c.Name,
            links.Href(FilePath(pagePath, c.Name, "json")), links.Href(FilePath(pagePath, c.Name, "csv"))))];

    /// <summary>
    /// The JSON (Chart.js configuration) and CSV documents of a page's charts, written beside it under <c>charts/</c>:
    /// named from <paramref name="names"/>, made from <paramref name="charts"/> only when one is written.
    /// </summary>
    public static IEnumerable<Document> Files(IReadOnlyList<string> names, Func<IReadOnlyList<ChartSpec>> charts, string pagePath, UiStrings t,
        string? source = null)
    {
        ChartSpec Chart(string name) => charts().First(c => c.Name == name);
        return names.SelectMany(name => new[]
        {
            Document.Later(FilePath(pagePath, name, "json"), source, () => DataJson.Utf8(ChartJsConfig.From(Chart(name)))),
            Document.Later(FilePath(pagePath, name, "csv"), source, () => ChartCsv.Render(Chart(name), t["charts.label"], t["charts.note"])),
        });
    }

    private static string FilePath(string pagePath, string chart, string extension) => $"{pagePath}charts/{chart}.{extension}";
}
