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
    public async Task A_check_with_nothing_changed_reads_neither_the_stamp_nor_a_settled_file()
    {
        await Build();
        // New times, same bytes: the files are hashed and found the same, and their times remembered.
        Age(_input.Root);
        Assert.True((await Build()).UpToDate);
        File.WriteAllText(_temp[".gongkai-cache/out.stamp"], "damaged");

        Assert.True((await Build()).UpToDate);

        // A changed file is found by its size and time; the damaged stamp then makes the build a full one.
        _input.Replace(MinimalInput.DisclosureFile, "正文。", "正文，已更新。");
        Age(_input.Root);
        var rebuilt = await Build();
        Assert.True(rebuilt.Succeeded && !rebuilt.UpToDate);
        Assert.Contains("已更新", File.ReadAllText(Path.Combine(Output, "regions/demo/2023/index.html")));
    }

    [Fact]
    public async Task A_file_changed_moments_ago_is_compared_by_its_content()
    {
        // Dated ahead, the files count as just changed however long the builds take.
        Age(_input.Root, TimeSpan.FromHours(-1));
        await Build();
        File.WriteAllText(_temp[".gongkai-cache/out.stamp"], "damaged");
        Assert.True((await Build()).UpToDate);

        // Other bytes of the same size under the same time, as a second change within one tick of the file system's clock.
        var file = Path.Combine(_input.Root, MinimalInput.DisclosureFile);
        var time = File.GetLastWriteTimeUtc(file);
        _input.Replace(MinimalInput.DisclosureFile, "正文。", "正文！");
        File.SetLastWriteTimeUtc(file, time);
        var rebuilt = await Build();

        Assert.True(rebuilt.Succeeded && !rebuilt.UpToDate);
        Assert.Contains("正文！", File.ReadAllText(Path.Combine(Output, "regions/demo/2023/index.html")));
    }

    [Fact]
    public void The_listing_key_follows_the_size_and_time_of_a_settled_file_and_the_content_of_one_not_settled()
    {
        var settled = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        string Key(long length, long modified, byte content = 1, string setting = "setting") => BuildKeys.OfListing(
            new("/in", [new ListedFile("regions/a/region.json", length, modified), new ListedFile("site.json", 10, settled - 100)], settled),
            setting, i => [(byte)(content + i)]);

        var key = Key(5, settled - 1);

        Assert.Equal(key, Key(5, settled - 1, content: 2));
        Assert.NotEqual(key, Key(6, settled - 1));
        Assert.NotEqual(key, Key(5, settled - 2));
        Assert.NotEqual(key, Key(5, settled - 1, setting: "another setting"));
        Assert.Equal(Key(5, settled), Key(6, settled + 1));
        Assert.NotEqual(Key(5, settled), Key(5, settled, content: 2));
    }

    [Fact]
    public void The_listing_key_hashes_a_line_per_file_whatever_the_length_of_its_path()
    {
        var settled = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        // Long enough, in three-byte characters, to outgrow any first buffer; one file settled, one not.
        var longPath = "regions/a/2024/reports/" + new string('报', 400) + ".md";
        ListedFile[] files =
        [
            new(longPath, 123, settled - 5),
            new("site.json", 10, settled + 5),
        ];
        byte[] hash = [0xab, 0x01];

        var key = BuildKeys.OfListing(new("/in", files, settled), "setting", _ => hash);

        var text = $"setting\n/in\n{longPath}\t123\t{settled - 5}\nsite.json\tab01\n";
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), key);
    }

    private static void Age(string folder, TimeSpan? by = null)
    {
        var time = DateTime.UtcNow - (by ?? TimeSpan.FromHours(1));
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, time);
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
    public void A_folder_whose_time_may_be_in_the_clock_tick_of_the_record_is_compared_by_what_it_holds()
    {
        var cache = new BuildCache(new BuildOptions(_input.Root, Output, Repo.Theme), new BuildMemory());
        string[] files = ["now/index.html", "old/index.html"];
        foreach (var file in files)
        {
            File.WriteAllText(_temp.Write($"out/{file}", file), file);
        }

        // "now" dated ahead: as if changed in the tick of the record, however long writing the record takes.
        var (ahead, before) = (DateTime.UtcNow.AddHours(1), DateTime.UtcNow.AddHours(-1));
        Directory.SetLastWriteTimeUtc(_temp["out/now"], ahead);
        Directory.SetLastWriteTimeUtc(_temp["out/old"], before);
        Directory.SetLastWriteTimeUtc(Output, before);
        var scopes = new Dictionary<string, string>();
        cache.Save(cache.StartStamp(new BuildStamp("key", "site", scopes, files.ToDictionary(f => f, string? (_) => null), scopes,
            new Dictionary<string, InputStat>(), new Dictionary<string, int>(), "", "", scopes)), "listing", "zh-CN", 2, 2, 28, [], null);

        var summary = cache.ReadLast()!;
        Assert.Equal(["now"], summary.Racy.Keys);
        Assert.True(cache.Intact(summary));
        cache.StartCheck(summary, CancellationToken.None);
        Assert.True(cache.Intact(summary));
        // A build that keeps nothing stops the check: not to be trusted then.
        cache.StartCheck(summary, new CancellationToken(canceled: true));
        Assert.False(cache.Intact(summary));
        Assert.True(cache.Intact(summary));

        // A file deleted by hand in that tick: the folder's time stays as the coarse clock left it.
        File.Delete(_temp["out/now/index.html"]);
        Directory.SetLastWriteTimeUtc(_temp["out/now"], ahead);
        Assert.False(cache.Intact(summary));
    }

    [Fact]
    public async Task A_theme_change_or_another_base_url_rebuilds_but_not_a_change_under_node_modules()
    {
        var theme = _temp.CopyTree(Repo.Theme, "theme");
        await Build(theme);
        Assert.True((await Build(theme)).UpToDate);

        // What node_modules holds is pinned by the lockfile, which is hashed with the rest of the theme.
        File.WriteAllText(Path.Combine(theme, "node_modules", "chart.js", "extra.js"), "x");
        Assert.True((await Build(theme)).UpToDate);

        File.AppendAllText(Path.Combine(theme, "assets/site.css"), "\n.changed { color: red; }\n");
        Assert.False((await Build(theme)).UpToDate);
        Assert.False((await Build(theme, "/disclosures/")).UpToDate);
        Assert.Contains("href=\"/disclosures/", File.ReadAllText(Path.Combine(Output, "index.html")));
    }

    [Fact]
    public async Task A_site_whose_locale_changed_is_made_with_the_strings_of_its_new_locale()
    {
        // The theme is loaded for the last build's locale before the input is read: not used when the site has another now.
        var theme = _temp.CopyTree(Repo.Theme, "theme");
        var strings = File.ReadAllText(Path.Combine(theme, "i18n", "zh-CN.json"));
        File.WriteAllText(Path.Combine(theme, "i18n", "zh-TW.json"), strings.Replace("\"跳到正文\"", "\"跳至正文\"", StringComparison.Ordinal));
        Assert.True((await Build(theme)).Succeeded);
        Assert.Contains("跳到正文", File.ReadAllText(Path.Combine(Output, "index.html")));

        _input.Write("site.json", """{ "title": "测试站点", "locale": "zh-TW" }""");
        var rebuilt = await Build(theme);

        Assert.True(rebuilt.Succeeded && !rebuilt.UpToDate, rebuilt.Error);
        var home = File.ReadAllText(Path.Combine(Output, "index.html"));
        Assert.Contains("跳至正文", home);
        Assert.DoesNotContain("跳到正文", home);
    }

    [Fact]
    public async Task A_session_watching_the_theme_loads_it_again_only_once_it_hears_of_a_change()
    {
        var theme = _temp.CopyTree(Repo.Theme, "theme");
        var memory = new BuildMemory();
        memory.WatchTheme();
        Task<BuildResult> Build() => SiteBuilder.BuildAsync(new BuildOptions(_input.Root, Output, theme, Search: false), memory: memory);
        Assert.True((await Build()).Succeeded);

        // Not heard of: the session's theme (and key of the setting) stand, so there is nothing to do.
        File.AppendAllText(Path.Combine(theme, "assets/site.css"), "\n.changed { color: red; }\n");
        Assert.True((await Build()).UpToDate);

        memory.ThemeChanged();
        var rebuilt = await Build();

        Assert.True(rebuilt.Succeeded && !rebuilt.UpToDate, rebuilt.Error);
        Assert.Contains(".changed", File.ReadAllText(Directory.GetFiles(Path.Combine(Output, "assets"), "site.*.css").Single()));
    }

    [Fact]
    public async Task A_session_recording_its_builds_later_has_each_build_wait_for_the_record_of_the_one_before()
    {
        var memory = new BuildMemory();
        memory.RecordLater();
        Task<BuildResult> Build() => SiteBuilder.BuildAsync(new BuildOptions(_input.Root, Output, Repo.Theme, Search: false), memory: memory);

        // Each build starts at once after the last: the record of the one before is there (else it would build everything).
        Assert.False((await Build()).UpToDate);
        Assert.True((await Build()).UpToDate);
        _input.Replace("regions/demo/2023/reports/park.md", "得分", "综合得分");
        var changed = await Build();
        await memory.Recorded;
        Assert.True(changed.Succeeded && !changed.UpToDate && changed.Kept > 0, changed.Error);
        Assert.True(File.Exists(_temp[".gongkai-cache/out.stamp"]));

        // A full build (a site-wide file changed) leaves the old site aside until its record is written.
        _input.Replace("site.json", "测试站点", "测试站点二");
        var full = await Build();
        await memory.Recorded;
        Assert.True(full.Succeeded && full.Kept == 0, full.Error);
        Assert.Equal([".gongkai-cache", "out"], Directory.EnumerateDirectories(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // A record still being written holds the next build back until it is done.
        using var writing = new ManualResetEventSlim();
        memory.Record(writing.Wait);
        var next = Build();
        await Task.Delay(300);
        Assert.False(next.IsCompleted);
        writing.Set();
        Assert.True((await next).UpToDate);
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
