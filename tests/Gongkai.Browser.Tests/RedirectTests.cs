using Gongkai.Browser.Tests.Support;
using Gongkai.Building;
using Gongkai.Serving;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class RedirectTests(BrowserSite site)
{
    [Fact]
    public async Task An_old_address_listed_as_an_alias_leads_to_the_renamed_report()
    {
        var root = Path.Combine(Path.GetTempPath(), "gongkai-redirect", Guid.NewGuid().ToString("N"));
        try
        {
            void Write(string relative, string text)
            {
                var path = Path.Combine(root, "input", relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }

            Write("site.json", """{ "title": "测试站点" }""");
            Write("regions/demo/region.json", """{ "name": "示例市", "level": "市" }""");
            Write("regions/demo/2023/disclosure.md",
                "---\ntitle: t\nfiscalYear: 2023\npublishedYear: 2024\npublisher: p\nevaluation:\n  objectCount: 1\n  totalAmount: 1\n  reportCount: 1\n  withheldCount: 0\n---\n\n正文。\n");
            Write("regions/demo/2023/reports.json",
                """[{ "no": 1, "id": "city-park", "aliases": ["park"], "title": "城市公园项目绩效评价报告", "status": "published" }]""");
            var output = Path.Combine(root, "output");
            var result = await SiteBuilder.BuildAsync(new BuildOptions(Path.Combine(root, "input"), output, Path.Combine(Paths.Root, "theme"), Search: false));
            Assert.True(result.Succeeded, result.Error);

            using var server = new StaticServer(output);
            var page = await site.NewPage(390, 844);
            await page.GotoAsync(server.BaseUrl + "regions/demo/2023/reports/park/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });

            // Polling assertions, not WaitForURL: the meta refresh may finish before a navigation waiter is registered.
            await Assertions.Expect(page).ToHaveURLAsync(server.BaseUrl + "regions/demo/2023/reports/city-park/");
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("城市公园项目绩效评价报告");
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
