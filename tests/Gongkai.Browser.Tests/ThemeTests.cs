using Gongkai.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ThemeTests(BrowserSite site)
{
    public static TheoryData<string, string, ColorScheme> Pages
    {
        get
        {
            var data = new TheoryData<string, string, ColorScheme>();
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                data.Add("", "home", scheme);
                data.Add("regions/karamay/2023/", "disclosure", scheme);
                data.Add("regions/karamay/2023/reports/second-sewage-plant/", "report", scheme);
                data.Add("search/?q=%E5%85%9A%E6%A0%A1", "search", scheme);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_fit_a_phone_in_light_and_dark(string path, string name, ColorScheme scheme)
    {
        var page = await site.NewPage(390, 844, colorScheme: scheme);
        await page.GotoAsync(site.BaseUrl + path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).backgroundColor");
        Assert.Equal(scheme == ColorScheme.Dark ? "rgb(17, 17, 17)" : "rgb(255, 255, 255)", background);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Paths.Screenshots, $"{name}-390-{scheme.ToString().ToLowerInvariant()}.png"),
        });
    }

    [Fact]
    public async Task Controls_are_at_least_44_px_tall_and_focus_is_visible()
    {
        var page = await site.NewPage(390, 844);
        await page.GotoAsync(site.BaseUrl + "catalogue/");
        var heights = await page.EvaluateAsync<double[]>(
            "Array.from(document.querySelectorAll('.site-nav a, .site-search input, .site-search button, .filters select, .filters button')).map(e => e.getBoundingClientRect().height)");
        Assert.NotEmpty(heights);
        Assert.All(heights, h => Assert.True(h >= 44, $"{h} px"));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到正文", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
    }
}
