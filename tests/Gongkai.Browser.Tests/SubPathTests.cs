using System.Xml.Linq;
using Gongkai.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>
/// The site built with base URL <c>/disclosures/</c> and served only under that path, as on a sub-folder of a portal:
/// every page reached by following links loads all it asks for, charts draw, and the feed points inside the sub-path.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SubPathTests(BrowserSite site)
{
    private const string Prefix = "/disclosures/";

    [Fact]
    public async Task Every_page_reached_by_links_loads_every_link_and_asset_under_the_sub_path()
    {
        var page = await site.NewPage(390, 844);
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => failed.Add($"failed {request.Url}");

        var origin = new Uri(site.SubPathUrl).GetLeftPart(UriPartial.Authority);
        var queue = new Queue<string>([site.SubPathUrl]);
        var seen = new HashSet<string>(queue);
        var links = new List<string>();
        while (queue.TryDequeue(out var url))
        {
            await page.GotoAsync(url);
            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href], link[href], script[src], img[src]", "els => els.map(e => e.getAttribute('href') ?? e.getAttribute('src'))"))
            {
                if (href.StartsWith("http", StringComparison.Ordinal) || href.StartsWith('#'))
                {
                    continue;
                }

                links.Add(href);
                var target = origin + href.Split('#')[0];
                if (target.EndsWith('/') && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        Assert.True(seen.Count >= 38, $"{seen.Count} pages reached"); // every page but 404.html, which nothing links to
        Assert.All(links, href => Assert.StartsWith(Prefix, href));
        foreach (var file in links.Where(h => !h.Split('#')[0].EndsWith('/')).Distinct())
        {
            var response = await page.APIRequest.GetAsync(origin + file);
            Assert.True(response.Ok, $"{response.Status} {file}");
        }

        Assert.Empty(failed);
    }

    [Fact]
    public async Task Charts_draw_and_the_feed_links_stay_under_the_sub_path()
    {
        var page = await site.NewPage(1366, 768);
        await page.GotoAsync(site.SubPathUrl + "regions/karamay/2023/");
        var charts = page.Locator("figure.chart");
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            await charts.Nth(i).ScrollIntoViewIfNeededAsync();
            await charts.Nth(i).Locator("canvas").WaitForAsync();
        }

        Assert.Equal(4, await page.Locator("figure.chart canvas").CountAsync());

        var feed = await page.APIRequest.GetAsync(site.SubPathUrl + "feed.xml");
        Assert.True(feed.Ok);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var hrefs = XDocument.Parse(await feed.TextAsync()).Descendants(atom + "link").Select(l => l.Attribute("href")!.Value).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.StartsWith(Prefix, h));
        var origin = new Uri(site.SubPathUrl).GetLeftPart(UriPartial.Authority);
        foreach (var href in hrefs)
        {
            Assert.True((await page.APIRequest.GetAsync(origin + href.Split('#')[0])).Ok, href);
        }
    }
}
