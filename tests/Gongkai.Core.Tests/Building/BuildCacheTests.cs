using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

/// <summary>The build cache: a build with nothing changed does nothing; any change to input, theme, options or output rebuilds.</summary>
public sealed class BuildCacheTests : IDisposable
{
    private readonly MinimalInput _input = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _input.Dispose();
        _temp.Dispose();
    }

    private string Output => _temp["out"];

    private Task<BuildResult> Build(string? theme = null, string? baseUrl = null) =>
        SiteBuilder.BuildAsync(new BuildOptions(_input.Root, Output, theme ?? Repo.Theme, baseUrl, Search: false));

    [Fact]
    public async Task A_build_with_nothing_changed_is_up_to_date_and_leaves_every_file_alone()
    {
        var first = await Build();
        Assert.True(first.Succeeded && !first.UpToDate);
        var page = Path.Combine(Output, "regions/demo/2023/index.html");
        var written = File.GetLastWriteTimeUtc(page);
        File.SetLastWriteTimeUtc(page, written.AddHours(-1));

        var second = await Build();

        Assert.True(second.Succeeded && second.UpToDate);
        Assert.Equal((first.Pages, first.Files, first.Bytes), (second.Pages, second.Files, second.Bytes));
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(page));
        Assert.False(Directory.Exists(Path.Combine(Output, ".gongkai-cache")));
    }

    [Fact]
    public async Task Changing_one_input_file_rebuilds_with_the_change()
    {
        await Build();
        _input.Replace("regions/demo/2023/reports/park.md", "得分 91.2 分。", "得分 91.2 分，已整改。");

        var result = await Build();

        Assert.False(result.UpToDate);
        Assert.Contains("已整改", File.ReadAllText(Path.Combine(Output, "regions/demo/2023/reports/park/index.html")));
    }

    [Fact]
    public async Task A_damaged_output_folder_is_rebuilt()
    {
        await Build();
        var page = Path.Combine(Output, "regions/demo/2023/index.html");
        File.Delete(page);

        Assert.False((await Build()).UpToDate);
        Assert.True(File.Exists(page));
    }

    [Fact]
    public async Task A_file_added_to_the_output_by_hand_makes_the_next_build_a_full_one()
    {
        await Build();
        var stray = Path.Combine(Output, "regions/demo/2023/reports/park/notes.txt");
        File.WriteAllText(stray, "手工添加");

        Assert.False((await Build()).UpToDate);
        Assert.False(File.Exists(stray));
    }

    [Fact]
    public async Task A_theme_change_or_another_base_url_rebuilds()
    {
        var theme = _temp.CopyTree(Repo.Theme, "theme");
        await Build(theme);
        Assert.True((await Build(theme)).UpToDate);

        File.AppendAllText(Path.Combine(theme, "assets/site.css"), "\n.changed { color: red; }\n");
        Assert.False((await Build(theme)).UpToDate);
        Assert.False((await Build(theme, "/disclosures/")).UpToDate);
        Assert.Contains("href=\"/disclosures/", File.ReadAllText(Path.Combine(Output, "index.html")));
    }

    [Fact]
    public async Task The_warnings_of_the_last_build_are_reported_again()
    {
        _input.Replace(MinimalInput.DisclosureFile, "正文。", "正文。<!-- 内部备注 -->");
        var first = await Build();
        Assert.Contains(first.Diagnostics, d => d.Code == "GK0504");

        var second = await Build();

        Assert.True(second.UpToDate);
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
    }
}
