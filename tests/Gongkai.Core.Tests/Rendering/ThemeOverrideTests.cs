using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Rendering;

/// <summary>An office overrides the theme by putting files with the same relative path under input/theme/.</summary>
public sealed class ThemeOverrideTests : IDisposable
{
    private readonly MinimalInput _input = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _input.Dispose();
        _temp.Dispose();
    }

    private async Task<string> Build()
    {
        var output = _temp["out-" + Guid.NewGuid().ToString("N")];
        var result = await SiteBuilder.BuildAsync(new BuildOptions(_input.Root, output, Repo.Theme, Search: false));
        Assert.True(result.Succeeded, result.Error + string.Join("\n", result.Diagnostics));
        return output;
    }

    [Fact]
    public async Task A_layout_in_input_theme_replaces_the_theme_layout()
    {
        _input.Write("theme/layouts/report.sbn-html", "<h1>{{ entry.title }}</h1><p class=\"office-layout\">本单位自定义版式</p>{{ content }}");
        var output = await Build();

        var report = Html.Load(Path.Combine(output, "regions/demo/2023/reports/park/index.html"));
        Assert.Equal("本单位自定义版式", report.QuerySelector("p.office-layout")!.TextContent);
        Assert.Null(report.QuerySelector(".meta-list"));
        Assert.NotNull(Html.Load(Path.Combine(output, "regions/demo/2023/index.html")).QuerySelector(".catalogue-table"));
    }

    [Fact]
    public async Task A_header_partial_and_custom_css_change_the_logo_and_colours()
    {
        _input.Write("theme/partials/site-title.sbn-html", "<a class=\"site-title\" href=\"{{ href \"\" }}\"><img src=\"{{ href (asset \"assets/logo.svg\") }}\" alt=\"{{ site.title }}\" width=\"160\" height=\"40\"></a>");
        _input.Write("theme/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 160 40\"><text x=\"0\" y=\"30\">示例市财政局</text></svg>");
        _input.Write("theme/assets/custom.css", ":root { --accent: #8a1538; }");
        var output = await Build();

        var home = Html.Load(Path.Combine(output, "index.html"));
        var logo = home.QuerySelector(".site-title img")!.GetAttribute("src")!;
        Assert.Matches(@"^/assets/logo\.[0-9a-f]{10}\.svg$", logo);
        Assert.True(File.Exists(Path.Combine(output, logo.TrimStart('/'))));
        var css = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Equal(2, css.Count);
        Assert.Contains("#8a1538", File.ReadAllText(Path.Combine(output, css[1].TrimStart('/'))));
    }

    [Fact]
    public async Task Changing_an_asset_changes_its_name_and_nothing_else_of_the_asset_set()
    {
        var before = await Build();
        _input.Write("theme/assets/site.css", File.ReadAllText(Path.Combine(Repo.Theme, "assets", "site.css")) + "\n.office { color: red; }\n");
        var after = await Build();

        string[] Assets(string root) => [.. Directory.GetFiles(Path.Combine(root, "assets"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        var changed = Assets(before).Except(Assets(after)).ToList();
        Assert.Single(changed);
        Assert.StartsWith("site.", changed[0]);
    }
}
