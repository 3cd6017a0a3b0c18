using AngleSharp.Dom;
using Gongkai.Building;
using Gongkai.Pages;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

/// <summary>
/// Above the most reports one page lists, the site-wide catalogue is a page per region, listed with its counts on the
/// catalogue's own page: the sample (32 entries in three regions) built with at most 10 a page, against the one page
/// it has by default.
/// </summary>
public sealed class CataloguePagesTests(SampleSite site) : IClassFixture<SampleSite>, IDisposable
{
    private static readonly string[] Listed = ["bayingolin", "karamay", "kashi-edz"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_region_with_reports_has_its_rows_on_a_page_of_its_own_and_the_index_counts_them()
    {
        var split = await Build(10);
        var whole = Rows(Html.Load(PagePath(site.Output, "catalogue")));

        var index = Html.Load(PagePath(split, "catalogue"));
        Assert.Empty(index.QuerySelectorAll("#site-catalogue"));
        var lines = index.QuerySelectorAll("main tbody tr");
        Assert.Equal(Listed.Select(slug => "/" + CataloguePage.RegionPath(slug)), lines.Select(l => l.QuerySelector("a")!.GetAttribute("href")));
        foreach (var (slug, line) in Listed.Zip(lines))
        {
            var page = Html.Load(PagePath(split, "catalogue/" + slug));
            var rows = Rows(page);
            // The region's rows as the one page has them, in the same order, and no other region's.
            Assert.Equal(whole.Where(r => r.GetAttribute("data-region") == slug).Select(r => r.OuterHtml), rows.Select(r => r.OuterHtml));
            var cells = line.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
            Assert.Equal(
                [rows.Count.ToString(), rows.Count(r => r.GetAttribute("data-status") == "published").ToString(), rows.Count(r => r.GetAttribute("data-status") == "withheld").ToString()],
                cells[2..]);
            Assert.Equal(cells[0] + "全部评价报告", page.QuerySelector("h1")!.TextContent);
            // Filters by year, category, grade and status, but not by region; the trail leads back to the index.
            Assert.Null(page.QuerySelector("#f-region"));
            Assert.NotNull(page.QuerySelector("#f-year"));
            Assert.Contains("/catalogue/", page.QuerySelectorAll("nav[aria-label] a").Select(a => a.GetAttribute("href")));
        }

        Assert.Equal(whole.Count, Listed.Sum(slug => Rows(Html.Load(PagePath(split, "catalogue/" + slug))).Count));
        Assert.Equal(Listed.Append("index.html").Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(Path.Combine(split, "catalogue")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void By_default_the_sample_has_one_catalogue_page()
    {
        Assert.Equal(["index.html"], Directory.GetFileSystemEntries(Path.Combine(site.Output, "catalogue")).Select(Path.GetFileName));
        Assert.NotNull(Html.Load(PagePath(site.Output, "catalogue")).QuerySelector("#f-region"));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(CataloguePage.DefaultPageReports, false)]
    public async Task A_former_slug_of_a_region_leads_to_its_catalogue_page_when_it_has_one(int catalogueReports, bool redirected)
    {
        var input = _temp.CopyTree(Repo.Input, "input");
        File.WriteAllText(Path.Combine(input, "regions/karamay/region.json"), """{ "name": "克拉玛依市", "level": "市", "aliases": ["kelamayi"] }""");

        var output = await Build(catalogueReports, input);

        var former = Path.Combine(output, "catalogue/kelamayi/index.html");
        Assert.Equal(redirected, File.Exists(former));
        if (redirected)
        {
            Assert.Equal("/catalogue/karamay/", Html.Load(former).QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        }
    }

    private async Task<string> Build(int catalogueReports, string? input = null)
    {
        var output = _temp["split"];
        var result = await SiteBuilder.BuildAsync(new BuildOptions(input ?? Repo.Input, output, Repo.Theme, Search: false, CataloguePageReports: catalogueReports));
        Assert.True(result.Succeeded, result.Error);
        return output;
    }

    private static List<IElement> Rows(IDocument page) => [.. page.QuerySelectorAll("#site-catalogue tbody tr")];

    private static string PagePath(string output, string relative) => Path.Combine(output, relative, "index.html");
}
