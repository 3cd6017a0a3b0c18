using Gongkai.Browser.Tests.Support;
using Gongkai.Building;
using Gongkai.Serving;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CatalogueTests(BrowserSite site)
{
    private static async Task<List<string>> VisibleTitles(IPage page) =>
        [.. await page.Locator("#site-catalogue tbody tr:visible td:nth-child(4)").AllInnerTextsAsync()];

    [Fact]
    public async Task Filtering_by_region_and_grade_shows_exactly_the_matching_reports()
    {
        var page = await site.NewPage(1366, 768);
        await page.GotoAsync(site.BaseUrl + "catalogue/");
        Assert.Equal(32, (await VisibleTitles(page)).Count);

        await page.SelectOptionAsync("#f-region", "karamay");
        await page.SelectOptionAsync("#f-grade", "excellent");

        var titles = await VisibleTitles(page);
        Assert.Equal(
        [
            "委托业务专项项目绩效评价报告", "调查研究专项经费评价报告", "第二污水处理厂污水收集系统工程（一期）绩效评价报告",
            "克拉玛依市水务局 2023 年部门整体支出预算绩效评价报告", "克拉玛依市党校迁建工程资金项目绩效评价报告", "白碱滩区财政运行情况综合绩效评价报告",
        ], titles);
        Assert.Equal("显示 6 份，共 32 份", await page.InnerTextAsync("#catalogue-count"));

        await page.SelectOptionAsync("#f-region", "kashi-edz");
        await page.SelectOptionAsync("#f-grade", "");
        await page.SelectOptionAsync("#f-status", "withheld");
        Assert.Equal(5, (await VisibleTitles(page)).Count);
        Assert.All(await VisibleTitles(page), t => Assert.StartsWith("不予公开", t));
    }

    [Fact]
    public async Task Sorting_by_score_orders_the_rows()
    {
        var page = await site.NewPage(1366, 768);
        await page.GotoAsync(site.BaseUrl + "catalogue/");
        await page.SelectOptionAsync("#f-region", "karamay");
        await page.ClickAsync("th[data-sort=score] button");

        var scores = (await page.Locator("#site-catalogue tbody tr:visible").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.score)"))
            .Select(decimal.Parse).ToList();
        Assert.Equal(scores.Order(), scores);
        Assert.Equal("ascending", await page.GetAttributeAsync("th[data-sort=score]", "aria-sort"));
    }

    [Fact]
    public async Task Without_javascript_the_complete_table_shows_and_the_filters_stay_hidden()
    {
        var page = await site.NewPage(1366, 768, javaScript: false);
        await page.GotoAsync(site.BaseUrl + "catalogue/");
        Assert.Equal(32, (await VisibleTitles(page)).Count);
        Assert.False(await page.IsVisibleAsync("#catalogue-filters"));
    }

    [Theory]
    [InlineData("catalogue/", "catalogue-390")]
    [InlineData("regions/kashi-edz/2024/", "kashi-2024-390")]
    public async Task On_a_phone_the_catalogue_is_cards_without_horizontal_scrolling(string path, string shot)
    {
        var page = await site.NewPage(390, 844);
        await page.GotoAsync(site.BaseUrl + path);

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        Assert.Equal("block", await page.EvalOnSelectorAsync<string>(".catalogue-table tbody tr", "r => getComputedStyle(r).display"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.Screenshots, shot + ".png"), FullPage = false });
    }

    [Fact]
    public async Task A_large_archive_s_catalogue_leads_to_a_region_page_whose_filters_work_on_its_reports()
    {
        // The sample with at most 10 reports a page: a catalogue page per region, listed on catalogue/.
        var output = Path.Combine(Path.GetTempPath(), "gongkai-catalogue", Guid.NewGuid().ToString("N"));
        try
        {
            var result = await SiteBuilder.BuildAsync(new BuildOptions(Path.Combine(Paths.Root, "input"), output, Path.Combine(Paths.Root, "theme"),
                Search: false, CataloguePageReports: 10));
            Assert.True(result.Succeeded, result.Error);
            using var server = new StaticServer(output);
            var page = await site.NewPage(390, 844);
            await page.GotoAsync(server.BaseUrl + "catalogue/");

            await page.ClickAsync("main a:text('克拉玛依市')");

            await Assertions.Expect(page).ToHaveURLAsync(server.BaseUrl + "catalogue/karamay/");
            Assert.Equal(10, (await VisibleTitles(page)).Count);
            Assert.Equal(0, await page.Locator("#f-region").CountAsync());
            await page.SelectOptionAsync("#f-grade", "excellent");
            Assert.Equal(6, (await VisibleTitles(page)).Count);
            Assert.Equal("显示 6 份，共 10 份", await page.InnerTextAsync("#catalogue-count"));
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Filters_hide_cards_on_a_phone_too()
    {
        var page = await site.NewPage(390, 844);
        await page.GotoAsync(site.BaseUrl + "catalogue/");
        await page.SelectOptionAsync("#f-region", "bayingolin");

        Assert.Equal(11, await page.Locator("#site-catalogue tbody tr:visible").CountAsync());
    }
}
