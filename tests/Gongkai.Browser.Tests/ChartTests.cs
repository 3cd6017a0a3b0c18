using Gongkai.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ChartTests(BrowserSite site)
{
    private const string Karamay = "regions/karamay/2023/";

    [Theory]
    [InlineData(Karamay, 4)]
    [InlineData("regions/kashi-edz/2024/", 2)]
    [InlineData("", 2)]
    public async Task Without_javascript_every_chart_shows_its_svg_and_its_table(string path, int charts)
    {
        var page = await site.NewPage(390, 844, javaScript: false);
        await page.GotoAsync(site.BaseUrl + path);

        var figures = page.Locator("figure.chart");
        Assert.Equal(charts, await figures.CountAsync());
        for (var i = 0; i < charts; i++)
        {
            Assert.True(await figures.Nth(i).Locator("svg").IsVisibleAsync());
            Assert.True(await figures.Nth(i).Locator("table.chart-table tbody tr").CountAsync() > 0);
            Assert.Equal(0, await figures.Nth(i).Locator("canvas").CountAsync());
        }

        await page.Locator(".charts").ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(Paths.Screenshots, $"charts-svg-{(path.Length == 0 ? "home" : path.Replace('/', '-').Trim('-'))}-390.png"),
        });
    }

    [Theory]
    [InlineData(Karamay, 4)]
    [InlineData("", 2)]
    public async Task With_javascript_every_chart_is_drawn_on_a_canvas_without_console_errors(string path, int charts)
    {
        var page = await site.NewPage(1366, 768);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(site.BaseUrl + path);
        await ScrollThroughCharts(page, charts);

        var painted = await page.EvaluateAsync<int[]>("""
            Array.from(document.querySelectorAll('figure.chart canvas')).map(c => {
              const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              let n = 0;
              for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
              return n;
            })
            """);
        Assert.All(painted, n => Assert.True(n > 1000, $"{n} painted pixels"));
        Assert.Equal(charts, await page.Locator("figure.chart svg[hidden]").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_karamay_score_chart_holds_its_ten_scores()
    {
        var page = await site.NewPage(1366, 768, javaScript: false);
        await page.GotoAsync(site.BaseUrl + Karamay);

        var scores = await page.Locator("#chart-scores table.chart-table tbody td.num").AllTextContentsAsync();
        Assert.Equal(["96.02", "94.33", "92.2", "91.5", "91.43", "90.35", "86.93", "85.93", "84.76", "83.32"], scores);
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task Karamay_page_with_charts_fits_the_screen(int width, int height)
    {
        var page = await site.NewPage(width, height);
        await page.GotoAsync(site.BaseUrl + Karamay);
        await ScrollThroughCharts(page, 4);

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        Assert.True(await page.EvaluateAsync<bool>(
            "Array.from(document.querySelectorAll('figure.chart canvas')).every(c => c.getBoundingClientRect().right <= window.innerWidth)"),
            "a chart is wider than the screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.Screenshots, $"karamay-2023-{width}.png"), FullPage = true });
        await page.Locator(".charts").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Paths.Screenshots, $"karamay-2023-charts-{width}.png") });
    }

    [Fact]
    public async Task Charts_below_the_screen_are_drawn_only_when_scrolled_to()
    {
        var page = await site.NewPage(390, 844);
        await page.GotoAsync(site.BaseUrl + Karamay);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await page.Locator("figure.chart canvas").CountAsync());

        await ScrollThroughCharts(page, 4);
    }

    // Charts draw when they come near the screen; bring each into view and wait for its canvas.
    private static async Task ScrollThroughCharts(IPage page, int charts)
    {
        for (var i = 0; i < charts; i++)
        {
            await page.Locator("figure.chart").Nth(i).ScrollIntoViewIfNeededAsync();
            await page.Locator("figure.chart").Nth(i).Locator("canvas").WaitForAsync();
        }
    }
}
