using Gongkai.Charts;
using Gongkai.Modules;
using Gongkai.Pipelines;
using Gongkai.Publication;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>The home page: every region with the key figures of its latest disclosure, linked to the region pages built before it.</summary>
public static class HomePage
{
    /// <summary>The home page document, made from the region pages' outputs when it is written.</summary>
    public static Document Create(PublicSite site, PageModel pages, IReadOnlyList<Document> regionPages, IReadOnlyList<ChartSpec> charts) =>
        PageModel.Later(Permalinks.Home, Source, () => Page(site, pages, regionPages, charts));

    private const string Source = "site.json";

    private static Document Page(PublicSite site, PageModel pages, IReadOnlyList<Document> regionPages, IReadOnlyList<ChartSpec> charts)
    {
        var regions = regionPages
            .Select(doc => (Region: doc.Require<PublicRegion>(RegionPages.RegionKey), Path: doc.Require<string>(MetadataKeys.Path)))
            .OrderBy(r => r.Region.Slug, StringComparer.Ordinal)
            .Select(r => new
            {
                r.Region,
                Href = pages.Links.Href(r.Path),
                r.Region.Latest,
                LatestHref = r.Region.Latest is { } latest ? pages.Links.Href(Permalinks.Disclosure(latest)) : null,
            })
            .ToList();
        var values = new ScriptObject
        {
            ["regions"] = regions,
            ["charts"] = ChartView.For(charts, Permalinks.Home, pages.Links),
        };
        return pages.Page(Permalinks.Home, "home", site.Info.Title, pages.Strings["home.intro"], [], values, source: Source,
            scripts: charts.Count > 0 ? ChartView.Scripts : null);
    }
}
