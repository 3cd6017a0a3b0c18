using Gongkai.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserSite site)
{
    private async Task<IPage> Search(string query, string? baseUrl = null, string filters = "")
    {
        var page = await site.NewPage(390, 844);
        await page.GotoAsync((baseUrl ?? site.BaseUrl) + "search/?q=" + Uri.EscapeDataString(query) + filters);
        await page.WaitForFunctionAsync("/找到|没有找到/.test(document.getElementById('search-status').textContent)");
        return page;
    }

    [Fact]
    public async Task A_site_indexed_in_shards_finds_what_the_single_index_finds()
    {
        using var http = new HttpClient();
        Assert.Contains("data-merge=\"pagefind/shards/", await http.GetStringAsync(site.ShardedUrl + "search/"));

        // Nothing the single index finds is lost, and the best match stays first. (A small shard may add a weak match:
        // Pagefind's matching depends on each index's own vocabulary.)
        foreach (var query in new[] { "污水处理", "医疗保险", "生态环境", "党校", "儿童福利" })
        {
            var single = await Titles(await Search(query));
            var sharded = await Titles(await Search(query, site.ShardedUrl));
            Assert.True(single.Count is > 0 and < 20, query);
            Assert.Equal(single[0], sharded[0]);
            Assert.Empty(single.Except(sharded));
        }

        var filtered = await Search("", site.ShardedUrl, "&region=" + Uri.EscapeDataString("克拉玛依市") + "&grade=" + Uri.EscapeDataString("优"));
        Assert.Equal(6, (await Titles(filtered)).Count);
    }

    private static async Task<IReadOnlyList<string>> Titles(IPage page) =>
        await page.Locator("#search-results h2 a").AllInnerTextsAsync();

    [Theory]
    [InlineData("污水处理", "第二污水处理厂污水收集系统工程（一期）绩效评价报告", "regions/karamay/2023/reports/second-sewage-plant/")]
    [InlineData("医疗保险", "2024 年度巴州医疗保障局 2024 城乡居民基本医疗保险财政补助资金重点项目绩效评价报告", "regions/bayingolin/2024/reports/resident-medical-insurance/")]
    [InlineData("生态环境", "喀什经济开发区2024年生态环境改造提升项目评价报告", "regions/kashi-edz/2024/reports/eco-environment-2024/")]
    [InlineData("党校", "克拉玛依市党校迁建工程资金项目绩效评价报告", "regions/karamay/2023/reports/party-school-relocation/")]
    [InlineData("儿童福利", "2024 年度巴州民政局社会服务设施兜底工程-儿童福利设施项目重点项目绩效评价报告", "regions/bayingolin/2024/reports/child-welfare-facilities/")]
    [InlineData("医保", "2024 年度巴州医疗保障局 2024 城乡居民基本医疗保险财政补助资金重点项目绩效评价报告", "regions/bayingolin/2024/reports/resident-medical-insurance/")]
    public async Task Chinese_queries_find_the_right_report_first(string query, string title, string path)
    {
        var page = await Search(query);
        var titles = await Titles(page);
        Assert.True(titles.Count > 0, "no results");
        Assert.Equal(title, titles[0]);
        Assert.Equal("/" + path, await page.GetAttributeAsync("#search-results h2 a >> nth=0", "href"));
    }

    [Fact]
    public async Task Results_show_highlighted_excerpts_and_a_count()
    {
        var page = await Search("污水处理");
        Assert.Matches(@"^找到 \d+ 个结果$", await page.InnerTextAsync("#search-status"));
        Assert.True(await page.Locator("#search-results mark").CountAsync() > 0);
        Assert.Contains("克拉玛依市", await page.InnerTextAsync("#search-results .search-meta >> nth=0"));
    }

    [Fact]
    public async Task Filtering_by_region_and_grade_returns_exactly_those_reports()
    {
        var page = await Search("", filters: "&region=" + Uri.EscapeDataString("克拉玛依市") + "&grade=" + Uri.EscapeDataString("优"));
        var titles = (await Titles(page)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                "委托业务专项项目绩效评价报告", "调查研究专项经费评价报告", "第二污水处理厂污水收集系统工程（一期）绩效评价报告",
                "克拉玛依市水务局 2023 年部门整体支出预算绩效评价报告", "克拉玛依市党校迁建工程资金项目绩效评价报告", "白碱滩区财政运行情况综合绩效评价报告",
            }.Order(StringComparer.Ordinal),
            titles);
    }

    [Fact]
    public async Task A_query_with_no_match_says_so()
    {
        var page = await Search("zzqqxx");
        Assert.StartsWith("没有找到结果", await page.InnerTextAsync("#search-status"));
    }

    [Fact]
    public async Task The_header_search_box_leads_to_results_and_the_index_loads_only_when_searching()
    {
        var page = await site.NewPage(390, 844);
        var pagefindRequests = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/pagefind/", StringComparison.Ordinal))
            {
                pagefindRequests++;
            }
        };
        await page.GotoAsync(site.BaseUrl + "search/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, pagefindRequests);

        await page.GotoAsync(site.BaseUrl + "regions/karamay/");
        await page.FillAsync("#site-q", "党校");
        await page.PressAsync("#site-q", "Enter");
        await page.WaitForFunctionAsync("/找到/.test(document.getElementById('search-status').textContent)");
        Assert.Equal("克拉玛依市党校迁建工程资金项目绩效评价报告", (await Titles(page))[0]);
        Assert.True(pagefindRequests > 0);
    }

    [Fact]
    public async Task Search_works_under_a_sub_path()
    {
        var page = await Search("党校", site.SubPathUrl);
        Assert.Equal("/disclosures/regions/karamay/2023/reports/party-school-relocation/", await page.GetAttributeAsync("#search-results h2 a >> nth=0", "href"));
        await page.ClickAsync("#search-results h2 a >> nth=0");
        Assert.Equal("克拉玛依市党校迁建工程资金项目绩效评价报告", await page.InnerTextAsync("h1"));
    }
}
