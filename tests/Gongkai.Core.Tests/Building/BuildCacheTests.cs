using Gongkai.Building;
using Gongkai.Input;
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
    public async Task A_check_with_nothing_changed_reads_the_summary_alone_once_the_input_has_settled()
    {
        // Freshly written files have not settled: the first check after the build hashes them, then remembers their times.
        await Build();
        Age(_input.Root);
        Assert.True((await Build()).UpToDate);
        var stamp = _temp[".gongkai-cache/out.json"];
        File.WriteAllText(stamp, "{ damaged");

        Assert.True((await Build()).UpToDate);

        // A changed file is found by its time and size; the damaged stamp then makes the build a full one.
        _input.Replace(MinimalInput.DisclosureFile, "正文。", "正文，已更新。");
        Age(_input.Root);
        var rebuilt = await Build();
        Assert.True(rebuilt.Succeeded && !rebuilt.UpToDate);
        Assert.Contains("已更新", File.ReadAllText(Path.Combine(Output, "regions/demo/2023/index.html")));
    }

    [Fact]
    public void The_listing_key_follows_every_size_and_time_and_is_withheld_while_a_file_has_not_settled()
    {
        var settled = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        InputListing Listing(long length, long modified) =>
            new("/in", [new ListedFile("site.json", "/in/site.json", 10, settled - 100), new ListedFile("regions/a/region.json", "/in/regions/a/region.json", length, modified)], settled);

        var key = BuildKeys.OfListing(Listing(5, settled - 1), "setting");

        Assert.NotNull(key);
        Assert.Equal(key, BuildKeys.OfListing(Listing(5, settled - 1), "setting"));
        Assert.NotEqual(key, BuildKeys.OfListing(Listing(6, settled - 1), "setting"));
        Assert.NotEqual(key, BuildKeys.OfListing(Listing(5, settled - 2), "setting"));
        Assert.NotEqual(key, BuildKeys.OfListing(Listing(5, settled - 1), "another setting"));
        Assert.Null(BuildKeys.OfListing(Listing(5, settled), "setting"));
    }

    private static void Age(string folder)
    {
        var hourAgo = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, hourAgo);
        }
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
