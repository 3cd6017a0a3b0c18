using Gongkai.Archive;
using Gongkai.Charts;
using Gongkai.Data;
using Gongkai.Feeds;
using Gongkai.Markdown;
using Gongkai.Modules;
using Gongkai.Pages;
using Gongkai.Pipelines;
using Gongkai.Publication;
using Gongkai.Rendering;
using Gongkai.Search;

namespace Gongkai.Building;

/// <summary>The pipelines that make the site from its public view. Each names what it reads; the engine does the rest.</summary>
public static class SitePipelines
{
    /// <summary>Pipeline names, for dependencies and progress.</summary>
    public const string Assets = "Assets", Reports = "Reports", Attachments = "Attachments", Disclosures = "Disclosures",
        DisclosureData = "DisclosureData", Regions = "Regions", Home = "Home", Catalogue = "Catalogue", Redactions = "Redactions",
        Charts = "Charts", SearchPage = "Search", Manifest = "Manifest", Build = "BuildInfo", OpenData = "OpenData", NotFound = "NotFound",
        Robots = "Robots", Redirects = "Redirects", Updates = "Updates", Feed = "Feed", DataPage = "DataPage", Sitemap = "Sitemap";

    private static readonly string[] PagePipelines = [Reports, Disclosures, Regions, Home, Catalogue, SearchPage, Updates, DataPage];

    /// <summary>
    /// All pipelines of a site build; the search page loads the index <paramref name="searchShards"/> (all of the site's
    /// when null). <paramref name="unchanged"/> tells whether the output already holds a file (destination) made from a
    /// region folder (scope) whose input has not changed since; null: everything is made anew.
    /// </summary>
    public static IReadOnlyList<Pipeline> Create(PublicSite site, Theme theme, BuildInfo buildInfo, IReadOnlyList<SearchShard>? searchShards = null,
        Func<string, string, bool>? unchanged = null)
    {
        // In the pipelines whose documents come from one region's files alone (their Source), unchanged ones are kept.
        var skip = new SkipUnchanged(unchanged ?? ((_, _) => false));
        var make = new MakeDocuments();
        var pages = new PageModel(site, new Permalinks(site.Info.BaseUrl), theme.Strings);
        var write = new WriteFiles();
        var layout = new ApplyLayout(theme);
        var markdown = new RenderMarkdown(new SiteMarkdown(theme.Strings["redaction.note"]), site.Info.BaseUrl);
        var disclosureCharts = new Dictionary<PublicDisclosure, IReadOnlyList<ChartSpec>>(ReferenceEqualityComparer.Instance);
        foreach (var d in site.Regions.SelectMany(r => r.Disclosures))
        {
            disclosureCharts[d] = DisclosureCharts.For(d, theme.Strings);
        }

        IReadOnlyList<ChartSpec> ChartsOf(PublicDisclosure d) => disclosureCharts[d];
        var homeCharts = HomeCharts.For(site, theme.Strings);
        var updates = SiteUpdates.From(site);
        var fallbackDate = $"{site.Regions.SelectMany(r => r.Disclosures).Select(d => d.PublishedYear).DefaultIfEmpty(1970).Max()}-01-01";
        return
        [
            new(Assets, new CreateDocuments("theme assets", _ => theme.Assets.Select(a => new Document(a.Destination) { CopyFrom = a.Source })), write),
            new(Reports, new CreateDocuments("reports", _ => ReportPages.Create(site, pages)), skip, make, markdown, layout, write),
            new(Attachments, new CreateDocuments("attachments", _ => ReportPages.Attachments(site)), skip, write),
            new(Disclosures, new CreateDocuments("disclosures", _ => DisclosurePages.Create(site, pages, ChartsOf)), skip, make, markdown, layout, write),
            new(Charts, new CreateDocuments("charts", _ => ChartDocuments(site, ChartsOf, homeCharts, theme)), skip, make, write),
            new(DisclosureData, new CreateDocuments("disclosure data", _ => DataDocuments(site, pages.Links)), skip, make, write),
            new(OpenData, new CreateDocuments("open data", _ => OpenDataDocuments(site, pages.Links)), skip, make, write),
            new(NotFound, new CreateDocuments("not found", _ => [Pages.NotFoundPage.Create(pages)]), layout, write),
            new(Redirects, new CreateDocuments("redirects", _ => RedirectPages.Create(site, pages.Links, theme.Strings)), write),
            new(Robots, new CreateDocuments("robots", _ => [new Document("robots.txt") { Content = Feeds.Sitemap.Robots(pages.Links) }]), write),
            new(Updates, new CreateDocuments("updates", _ => [UpdatesPage.Create(updates, pages)]), layout, write),
            new(Feed, new CreateDocuments("feed", _ =>
                [new Document(Permalinks.Feed) { Content = AtomFeed.Write(site.Info.Title, site.Info.Publisher, updates, pages.Links, theme.Strings, fallbackDate) }]), write),
            new(DataPage, new CreateDocuments("data page", _ => [Pages.DataPage.Create(site, pages)]), layout, write),
            new(Regions, new CreateDocuments("regions", _ => RegionPages.Create(site, pages)), layout, write),
            new(Catalogue, new CreateDocuments("catalogue", _ => [CataloguePage.Create(site, pages)]), layout, write),
            new(SearchPage, new CreateDocuments("search", _ => [Pages.SearchPage.Create(pages, searchShards ?? SearchShards.For(site))]), layout, write),
            new(Redactions, new CreateDocuments("redactions", _ => [new Document(Pages.DataPage.Redactions) { Content = DataJson.Serialize(RedactionReport.From(site)) }]), write),
            new(Manifest, new CreateDocuments("web app manifest", _ => [WebManifest.Create(site, theme, pages.Links)]), write),
            new(Build, new CreateDocuments("build info", _ => [new Document(BuildInfo.FileName) { Content = DataJson.Serialize(buildInfo) }]), write),
            new Pipeline(Home,
                new CreateDocuments("home", context => [HomePage.Create(site, pages, context.OutputsOf(Regions), homeCharts)]), layout, write)
                .After(Regions),
            new Pipeline(Sitemap, new CreateDocuments("sitemap", context => SitemapDocuments(context, pages.Links)), write).After(PagePipelines),
        ];
    }

    // Only pages: redirects, the 404 page and data files stay out of the sitemap.
    private static IEnumerable<Document> SitemapDocuments(IExecutionContext context, Permalinks links)
    {
        var paths = PagePipelines.SelectMany(context.OutputsOf).Select(d => d.Require<string>(MetadataKeys.Path));
        return Feeds.Sitemap.Write(paths, links) is { } xml ? [new Document(Feeds.Sitemap.FileName) { Content = xml }] : [];
    }

    private static IEnumerable<Document> ChartDocuments(PublicSite site, Func<PublicDisclosure, IReadOnlyList<ChartSpec>> charts,
        IReadOnlyList<ChartSpec> homeCharts, Theme theme) =>
        ChartView.Files(homeCharts, Permalinks.Home, theme.Strings).Concat(
            from region in site.Regions
            from d in region.Disclosures
            from file in ChartView.Files(charts(d), Permalinks.Disclosure(d), theme.Strings, DisclosureSource(region, d))
            select file);

    // reports.csv beside each itemised disclosure, and every entry of the site in data/all-reports.csv and .json.
    private static IEnumerable<Document> OpenDataDocuments(PublicSite site, Permalinks links)
    {
        var all = new List<EntryData>();
        foreach (var region in site.Regions)
        {
            foreach (var d in region.Disclosures.Where(d => d.IsItemised))
            {
                var rows = ReportTable.Rows(region, d, e => links.Href(Permalinks.Report(d, e))).ToList();
                all.AddRange(rows);
                yield return Document.Later(Permalinks.Disclosure(d) + Pages.DataPage.DisclosureCsv, DisclosureSource(region, d), () => ReportTable.Csv(rows));
            }
        }

        yield return new Document(Pages.DataPage.AllCsv) { Content = ReportTable.Csv(all) };
        yield return new Document(Pages.DataPage.AllJson) { Content = DataJson.Serialize(all) };
    }

    private static IEnumerable<Document> DataDocuments(PublicSite site, Permalinks links) =>
        from region in site.Regions
        from d in region.Disclosures
        select Document.Later(Permalinks.DisclosureData(d), DisclosureSource(region, d),
            () => DataJson.Serialize(Data.DisclosureData.From(d, links.Href, Permalinks.Disclosure(d), e => Permalinks.Report(d, e))));

    private static string DisclosureSource(PublicRegion region, PublicDisclosure d) => $"regions/{region.Slug}/{d.Year}/disclosure.md";
}
