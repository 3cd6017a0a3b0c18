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
    /// region folder (scope) whose input has not changed since, or, for a site-wide file (scope null), from the same site
    /// without the text of report bodies; null: everything is made anew. The report pages and chart files of a region
    /// <paramref name="keptRegion"/> names (by slug) are not made as documents at all, not even kept ones (on 10,000
    /// reports, nine in ten of a rebuild's documents): the caller counts the files the output holds from that region's
    /// folder as kept. Only for regions whose every such file is unchanged, and while the site-wide files are kept
    /// (the sitemap lists report pages). The site-wide catalogue lists at most <paramref name="cataloguePageReports"/>
    /// reports on one page (see <see cref="CataloguePage"/>).
    /// </summary>
    public static IReadOnlyList<Pipeline> Create(PublicSite site, Theme theme, BuildInfo buildInfo, IReadOnlyList<SearchShard>? searchShards = null,
        Func<string, string?, bool>? unchanged = null, Func<string, bool>? keptRegion = null, int cataloguePageReports = CataloguePage.DefaultPageReports)
    {
        bool Made(PublicRegion region) => keptRegion?.Invoke(region.Slug) != true;
        // Only report pages see the text of report bodies: every other file is made from the site without it, so that a
        // change to a report's text leaves the files listing reports across regions as they were.
        var data = site.WithoutReportBodies();
        // Kept when unchanged: documents made from one region's files alone (their Source), and site-wide ones.
        var skip = new SkipUnchanged(unchanged ?? ((_, _) => false));
        var make = new MakeDocuments();
        var pages = new PageModel(data, new Permalinks(data.Info.BaseUrl), theme.Strings);
        var write = new WriteFiles();
        var layout = new ApplyLayout(theme);
        var markdown = new RenderMarkdown(new SiteMarkdown(theme.Strings["redaction.note"]), data.Info.BaseUrl);
        // A disclosure's charts are made once, by the first of its page and chart files to be written (none when all are kept).
        var disclosureCharts = new Dictionary<PublicDisclosure, Lazy<IReadOnlyList<ChartSpec>>>(ReferenceEqualityComparer.Instance);
        foreach (var d in data.Regions.SelectMany(r => r.Disclosures))
        {
            disclosureCharts[d] = new(() => DisclosureCharts.For(d, theme.Strings));
        }

        IReadOnlyList<ChartSpec> ChartsOf(PublicDisclosure d) => disclosureCharts[d].Value;
        var homeCharts = HomeCharts.For(data, theme.Strings);
        // Decided once: the catalogue's pages and the redirects of renamed regions follow it.
        var catalogueRegions = CataloguePage.Listed(data, cataloguePageReports);
        // Made only when a file that lists them is written (not when the site-wide files are kept).
        var updates = new Lazy<IReadOnlyList<SiteUpdate>>(() => SiteUpdates.From(data));
        var fallbackDate = $"{data.Regions.SelectMany(r => r.Disclosures).Select(d => d.PublishedYear).DefaultIfEmpty(1970).Max()}-01-01";
        return
        [
            new(Assets, new CreateDocuments("theme assets", _ => theme.Assets.Select(a => new Document(a.Destination) { CopyFrom = a.Source })), write),
            new(Reports, new CreateDocuments("reports", _ => ReportPages.Create(site, pages, Made)), skip, make, markdown, layout, write),
            new(Attachments, new CreateDocuments("attachments", _ => ReportPages.Attachments(data)), skip, write),
            new(Disclosures, new CreateDocuments("disclosures", _ => DisclosurePages.Create(data, pages, ChartsOf)), skip, make, markdown, layout, write),
            new(Charts, new CreateDocuments("charts", _ => ChartDocuments(data, Made, ChartsOf, homeCharts, theme)), skip, make, write),
            new(DisclosureData, new CreateDocuments("disclosure data", _ => DataDocuments(data, pages.Links)), skip, make, write),
            new(OpenData, new CreateDocuments("open data", _ => OpenDataDocuments(data, pages.Links)), skip, make, write),
            new(NotFound, new CreateDocuments("not found", _ => [Pages.NotFoundPage.Create(pages)]), skip, layout, write),
            new(Redirects, new CreateDocuments("redirects", _ => RedirectPages.Create(data, pages.Links, theme.Strings, catalogueRegions)), skip, make, write),
            new(Robots, new CreateDocuments("robots", _ => [new Document("robots.txt") { Content = Feeds.Sitemap.Robots(pages.Links) }]), skip, write),
            new(Updates, new CreateDocuments("updates", _ => [UpdatesPage.Create(updates, pages)]), skip, make, layout, write),
            new(Feed, new CreateDocuments("feed", _ =>
                [Document.Later(Permalinks.Feed, null, () => AtomFeed.Write(data.Info.Title, data.Info.Publisher, updates.Value, pages.Links, theme.Strings, fallbackDate))]),
                skip, make, write),
            new(DataPage, new CreateDocuments("data page", _ => [Pages.DataPage.Create(data, pages)]), skip, layout, write),
            new(Regions, new CreateDocuments("regions", _ => RegionPages.Create(data, pages)), skip, make, layout, write),
            new(Catalogue, new CreateDocuments("catalogue", _ => CataloguePage.Create(data, pages, catalogueRegions)), skip, make, layout, write),
            new(SearchPage, new CreateDocuments("search", _ => [Pages.SearchPage.Create(pages, searchShards ?? SearchShards.For(data))]), skip, layout, write),
            new(Redactions, new CreateDocuments("redactions", _ =>
                [Document.Later(Pages.DataPage.Redactions, null, () => DataJson.Utf8(RedactionReport.From(data)))]), skip, make, write),
            new(Manifest, new CreateDocuments("web app manifest", _ => [WebManifest.Create(data, theme, pages.Links)]), skip, write),
            new(Build, new CreateDocuments("build info", _ => [new Document(BuildInfo.FileName) { Utf8 = DataJson.Utf8(buildInfo) }]), write),
            new Pipeline(Home,
                new CreateDocuments("home", context => [HomePage.Create(data, pages, context.OutputsOf(Regions), homeCharts)]), skip, make, layout, write)
                .After(Regions),
            new Pipeline(Sitemap, new CreateDocuments("sitemap", context => SitemapDocuments(context, pages.Links)), skip, make, write).After(PagePipelines),
        ];
    }

    /// <summary>
    /// The pipelines of a rebuild after an edit to report texts alone (see <see cref="TextEdit"/>): the report pages of
    /// <paramref name="site"/> (the edited regions) but those <paramref name="unchanged"/> keeps, and the files every build
    /// writes (the theme's assets and build-info.json).
    /// </summary>
    internal static IReadOnlyList<Pipeline> ForTextEdit(PublicSite site, Theme theme, BuildInfo buildInfo, Func<string, string?, bool> unchanged) =>
        [.. Create(site, theme, buildInfo, unchanged: unchanged).Where(p => p.Name is Reports or Assets or Build)];

    // Only pages: redirects, the 404 page and data files stay out of the sitemap.
    // Made only when written: a rebuild that keeps it need not list every page.
    private static IEnumerable<Document> SitemapDocuments(IExecutionContext context, Permalinks links) =>
        links.IsAbsolute
            ? [Document.Later(Feeds.Sitemap.FileName, null,
                () => Feeds.Sitemap.Write(PagePipelines.SelectMany(context.OutputsOf).Select(d => d.Require<string>(MetadataKeys.Path)), links)!)]
            : [];

    private static IEnumerable<Document> ChartDocuments(PublicSite site, Func<PublicRegion, bool> made, Func<PublicDisclosure, IReadOnlyList<ChartSpec>> charts,
        IReadOnlyList<ChartSpec> homeCharts, Theme theme) =>
        ChartView.Files([.. homeCharts.Select(c => c.Name)], () => homeCharts, Permalinks.Home, theme.Strings).Concat(
            from region in site.Regions.Where(made)
            from d in region.Disclosures
            from file in ChartView.Files(DisclosureCharts.Names(d), () => charts(d), Permalinks.Disclosure(d), theme.Strings, DisclosureSource(region, d))
            select file);

    // reports.csv beside each itemised disclosure, and every entry of the site in data/all-reports.csv and .json; the rows
    // of a disclosure are made once, and only for a file that is written.
    private static IEnumerable<Document> OpenDataDocuments(PublicSite site, Permalinks links)
    {
        var tables = (from region in site.Regions
                      from d in region.Disclosures.Where(d => d.IsItemised)
                      select (Region: region, Disclosure: d,
                          Rows: new Lazy<List<EntryData>>(() => [.. ReportTable.Rows(region, d, e => links.Href(Permalinks.Report(d, e)))]))).ToList();
        var all = new Lazy<List<EntryData>>(() => [.. tables.SelectMany(t => t.Rows.Value)]);
        foreach (var (region, d, rows) in tables)
        {
            yield return Document.Later(Permalinks.Disclosure(d) + Pages.DataPage.DisclosureCsv, DisclosureSource(region, d), () => ReportTable.Csv(rows.Value));
        }

        yield return Document.Later(Pages.DataPage.AllCsv, null, () => ReportTable.Csv(all.Value));
        yield return Document.Later(Pages.DataPage.AllJson, null, () => DataJson.Utf8(all.Value));
    }

    private static IEnumerable<Document> DataDocuments(PublicSite site, Permalinks links) =>
        from region in site.Regions
        from d in region.Disclosures
        select Document.Later(Permalinks.DisclosureData(d), DisclosureSource(region, d),
            () => DataJson.Utf8(Data.DisclosureData.From(d, links.Href, Permalinks.Disclosure(d), e => Permalinks.Report(d, e))));

    private static string DisclosureSource(PublicRegion region, PublicDisclosure d) => $"regions/{region.Slug}/{d.Year}/disclosure.md";
}
