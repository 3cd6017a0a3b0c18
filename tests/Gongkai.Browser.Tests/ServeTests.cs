using System.Diagnostics;
using System.Text.RegularExpressions;
using Gongkai.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary><c>gongkai serve</c> in the browser: a bad edit shows its errors over the page, fixing it reloads the page.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ServeTests(BrowserSite site)
{
    [Fact]
    public async Task A_bad_edit_shows_an_error_overlay_and_the_fix_reloads_the_page()
    {
        var root = Path.Combine(Path.GetTempPath(), "gongkai-serve", Guid.NewGuid().ToString("N"));
        var input = Path.Combine(root, "input");
        CopyTree(Path.Combine(Paths.Root, "input"), input);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "gongkai.dll"), "serve", "--input", input, "--output", Path.Combine(root, "out"),
                     "--theme", Path.Combine(Paths.Root, "theme"), "--port", "0", "--no-search" })
        {
            start.ArgumentList.Add(arg);
        }

        using var serve = Process.Start(start)!;
        try
        {
            _ = serve.StandardError.ReadToEndAsync();
            string? url = null;
            while (url is null && await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
            {
                url = ServingLine().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            }

            Assert.NotNull(url);
            _ = serve.StandardOutput.ReadToEndAsync();
            var page = await site.NewPage(390, 844);
            await page.GotoAsync(url + "regions/karamay/2023/");
            var catalogue = Path.Combine(input, "regions/karamay/2023/reports.json");
            var good = await File.ReadAllTextAsync(catalogue);

            await File.WriteAllTextAsync(catalogue, "[{");
            var overlay = page.Locator("#gongkai-errors[role=alert]");
            await Assertions.Expect(overlay).ToContainTextAsync("regions/karamay/2023/reports.json:1:3: error GK0005");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.Screenshots, "serve-error-overlay-390.png") });

            await File.WriteAllTextAsync(catalogue, good.Replace("委托业务专项项目绩效评价报告", "委托业务专项项目绩效评价报告（更正）", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("委托业务专项项目绩效评价报告（更正）");
            await Assertions.Expect(overlay).ToHaveCountAsync(0);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^Serving (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingLine();
}
