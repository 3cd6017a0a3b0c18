using System.Xml.Linq;
using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Feeds;

/// <summary>The Atom feed, the 更新记录 page and the sitemap, on the sample site and on a small site with a full base URL.</summary>
public sealed class FeedTests(SampleSite site) : IClassFixture<SampleSite>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void The_feed_lists_dated_disclosures_and_revisions_newest_first_each_linking_to_its_anchor()
    {
        var feed = XDocument.Parse(site.Read("feed.xml")).Root!;
        var entries = feed.Elements(Atom + "entry").ToList();

        // zhundong 2021 has a date; karamay 2023 and one of its reports each have one revision.
        Assert.Equal(3, entries.Count);
        var updated = entries.Select(e => e.Element(Atom + "updated")!.Value).ToList();
        Assert.Equal(updated.OrderDescending(StringComparer.Ordinal), updated);
        Assert.Equal(updated[0], feed.Element(Atom + "updated")!.Value);
        Assert.Equal("2021-12-14T00:00:00Z", updated[^1]);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());

        foreach (var href in entries.Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value))
        {
            var (path, anchor) = href.Split('#') is [var p, var a] ? (p, a) : (href, null);
            var page = Html.Load(Path.Combine(site.Output, path.TrimStart('/'), "index.html"));
            if (anchor is not null)
            {
                Assert.NotNull(page.GetElementById(anchor));
            }
        }
    }

    [Fact]
    public void Pages_show_their_revisions_and_the_updates_page_lists_every_feed_entry()
    {
        var report = Html.Load(Path.Combine(site.Output, "regions/karamay/2023/reports/entrusted-business/index.html"));
        var revision = report.GetElementById("revision-1")!;
        Assert.Equal("2026-11-23", revision.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("补充金额说明", revision.TextContent);
        Assert.Equal("修订记录", report.GetElementById("revisions-title")!.TextContent);

        var updates = Html.Load(Path.Combine(site.Output, "updates/index.html"));
        var feedTitles = XDocument.Parse(site.Read("feed.xml")).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value);
        Assert.Equal(feedTitles, updates.QuerySelectorAll("ol.updates > li > a").Select(a => a.TextContent));
    }

    [Fact]
    public void Without_a_full_base_url_there_is_no_sitemap_and_robots_names_none()
    {
        Assert.False(File.Exists(Path.Combine(site.Output, "sitemap.xml")));
        Assert.DoesNotContain("Sitemap:", site.Read("robots.txt"));
    }

    [Fact]
    public async Task With_a_full_base_url_the_sitemap_lists_every_page_and_nothing_else()
    {
        using var input = new MinimalInput();
        input.Replace(MinimalInput.CatalogueFile, "\"id\": \"park\",", "\"id\": \"park\", \"aliases\": [\"old-park\"],");
        using var temp = new TempFolder();
        var output = temp["out"];
        var result = await SiteBuilder.BuildAsync(new BuildOptions(input.Root, output, Repo.Theme, BaseUrl: "https://example.gov.cn/disclosures", Search: false));
        Assert.True(result.Succeeded, result.Error);

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Load(Path.Combine(output, "sitemap.xml")).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        var pages = Directory.GetFiles(output, "index.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Where(p => p != "regions/demo/2023/reports/old-park")
            .Select(p => "https://example.gov.cn/disclosures/" + (p == "." ? "" : p + "/"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(pages, locs);
        Assert.True(File.Exists(Path.Combine(output, "regions/demo/2023/reports/old-park/index.html")));
        Assert.Contains("Sitemap: https://example.gov.cn/disclosures/sitemap.xml", File.ReadAllText(Path.Combine(output, "robots.txt")));

        var feed = XDocument.Load(Path.Combine(output, "feed.xml")).Root!;
        Assert.Equal("https://example.gov.cn/disclosures/feed.xml", feed.Element(Atom + "id")!.Value);
        Assert.Empty(feed.Elements(Atom + "entry"));
        Assert.Equal("2024-01-01T00:00:00Z", feed.Element(Atom + "updated")!.Value);
    }
}
