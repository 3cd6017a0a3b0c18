using Gongkai.Building;
using Gongkai.Search;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

/// <summary>
/// Builds into a previous output keep the files of unchanged regions, rewrite the rest, and always end with exactly
/// the bytes a full build of the same input makes; a build that fails half-way puts every file back.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private const string KaramayReport = "regions/karamay/2023/reports/baijiantan-fiscal-operation.md";
    private const string KaramayPage = "regions/karamay/2023/reports/baijiantan-fiscal-operation/index.html";
    private const string KaramayCatalogue = "regions/karamay/2023/reports.json";
    private readonly TempFolder _temp = new();
    private readonly string _input;

    public IncrementalBuildTests() => _input = _temp.CopyTree(Repo.Input, "input");

    public void Dispose() => _temp.Dispose();

    private string Output => _temp["out"];

    private Task<BuildResult> Build(string output, bool search = false, string? theme = null, int shardPages = SearchShards.DefaultPagesPerShard,
        BuildMemory? memory = null, string? baseUrl = null) =>
        SiteBuilder.BuildAsync(new BuildOptions(_input, output, theme ?? Repo.Theme, baseUrl, Search: search, SearchShardPages: shardPages), memory: memory);

    // A full build of the input as it is now, into a fresh folder, to compare with.
    private async Task<SortedDictionary<string, string>> FullBuild(bool search = false, int shardPages = SearchShards.DefaultPagesPerShard, string? baseUrl = null)
    {
        var folder = _temp[$"full-{Guid.NewGuid():N}"];
        var result = await Build(folder, search, shardPages: shardPages, baseUrl: baseUrl);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, result.Kept);
        return OutputTree.Hashes(folder);
    }

    private void Append(string relative, string text) => File.AppendAllText(Path.Combine(_input, relative), text);

    [Fact]
    public async Task A_changed_report_rewrites_its_region_only_and_the_output_equals_a_full_build()
    {
        await Build(Output);
        var untouched = Path.Combine(Output, "regions/bayingolin/2024/index.html");
        var remadeTheSame = Path.Combine(Output, "robots.txt");
        File.SetLastWriteTimeUtc(untouched, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(remadeTheSame, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Append(KaramayReport, "\n补充说明：整改已完成。\n");

        var result = await Build(Output);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(result.UpToDate);
        Assert.True(result.Kept > 20, $"kept {result.Kept}");
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(untouched));
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(remadeTheSame));
        Assert.Contains("整改已完成", File.ReadAllText(Path.Combine(Output, "regions/karamay/2023/reports/baijiantan-fiscal-operation/index.html")));
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));
        Assert.Equal((result.Files, result.Bytes), (Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Length,
            Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)));

        // The build recorded the times of the folders it changed (and kept those of the others): nothing to do next.
        Assert.True((await Build(Output)).UpToDate);
        File.Delete(untouched);
        Assert.False((await Build(Output)).UpToDate);
        Assert.True(File.Exists(untouched));
    }

    [Fact]
    public async Task A_file_deleted_from_the_output_by_hand_makes_the_next_build_a_full_one_whatever_changed_in_the_input()
    {
        await Build(Output);
        var deleted = Path.Combine(Output, "regions/bayingolin/2024/index.html");

        // A report of another region changed: its region's pages would be made again, this one kept (were the output intact).
        File.Delete(deleted);
        Append(KaramayReport, "\n补充说明：整改已完成。\n");
        var changed = await Build(Output);
        Assert.True(changed.Succeeded, changed.Error);
        Assert.Equal(0, changed.Kept);
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));

        // A file touched, its bytes the same: nothing to make again (were the output intact).
        File.Delete(deleted);
        var touched = Path.Combine(_input, KaramayReport);
        File.SetLastWriteTimeUtc(touched, File.GetLastWriteTimeUtc(touched).AddMinutes(-1));
        var same = await Build(Output);
        Assert.True(same.Succeeded, same.Error);
        Assert.False(same.UpToDate);
        Assert.Equal(0, same.Kept);
        Assert.True(File.Exists(deleted));
        Assert.True((await Build(Output)).UpToDate);

        // The whole output deleted (for a clean build): all of it made again.
        Directory.Delete(Output, recursive: true);
        Append(KaramayReport, "\n再次补充。\n");
        var clean = await Build(Output);
        Assert.True(clean.Succeeded, clean.Error);
        Assert.Equal(0, clean.Kept);
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));
    }

    [Fact]
    public async Task After_a_rebuild_that_made_the_same_files_a_file_deleted_by_hand_is_still_noticed()
    {
        await Build(Output);
        // Only a report's text: the same files as before, so the record keeps the last build's list of folders.
        Append(KaramayReport, "\n补充说明：整改已完成。\n");
        Assert.True((await Build(Output)).Kept > 0);

        File.Delete(Path.Combine(Output, "regions/bayingolin/2024/index.html"));
        Append(KaramayReport, "\n再次补充。\n");
        var rebuilt = await Build(Output);

        Assert.True(rebuilt.Succeeded, rebuilt.Error);
        Assert.Equal(0, rebuilt.Kept);
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));
    }

    [Fact]
    public async Task Bodies_of_unchanged_regions_are_not_read_again_yet_keep_their_passage_counts_and_warnings()
    {
        PlantBayingolinBody();
        var first = await Build(Output);
        Assert.True(first.Succeeded, first.Error);
        Assert.Contains(first.Diagnostics, d => d is { Code: "GK0504" } && d.Location.File == BayingolinBody);
        var redactions = File.ReadAllText(Path.Combine(Output, "data/redactions.json"));
        Assert.Equal(1, System.Text.Json.JsonDocument.Parse(redactions).RootElement.GetProperty("disclosures").EnumerateArray()
            .Single(d => d.GetProperty("region").GetString() == "bayingolin").GetProperty("redactedPassages").GetInt32());

        Append(KaramayReport, "\n补充说明：整改已完成。\n");
        var second = await Build(Output);

        Assert.True(second.Succeeded, second.Error);
        Assert.True(second.Kept > 20, $"kept {second.Kept}");
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(redactions, File.ReadAllText(Path.Combine(Output, "data/redactions.json")));
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));

        // Bytes that are not UTF-8, at the same size and time: the build trusts the body unchanged and does not read it
        // (reading it would stop the build with GK0002).
        Garble(BayingolinBody);
        Append(KaramayReport, "\n再次补充。\n");

        var third = await Build(Output);

        Assert.True(third.Succeeded, third.Error);
        Assert.Contains(third.Diagnostics, d => d is { Code: "GK0504" } && d.Location.File == BayingolinBody);
    }

    [Fact]
    public async Task Site_wide_files_and_the_rest_of_the_region_are_kept_while_only_the_text_of_a_report_changes()
    {
        await Build(Output);
        // A mark written into files (in place: the folders keep their times) shows which files a build kept: site-wide
        // ones, and those of the changed report's region but its page (another report's, the disclosure's, its data).
        string[] siteWide = ["catalogue/index.html", "index.html", "data/all-reports.json", "data/redactions.json", "feed.xml",
            "regions/karamay/2023/reports/icu-equipment/index.html", "regions/karamay/2023/index.html", "regions/karamay/2023/reports.csv"];
        foreach (var file in siteWide)
        {
            File.AppendAllText(Path.Combine(Output, file), "<!-- kept -->");
        }

        Append(KaramayReport, "\n补充说明：整改已完成。\n");
        var result = await Build(Output);
        Assert.True(result.Succeeded, result.Error);

        // Made again: the report's page, build-info.json, and the theme's assets (copied on every build, left alone when the same).
        Assert.Equal(Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Length - 2 -
            Directory.GetFiles(Path.Combine(Output, "assets"), "*", SearchOption.AllDirectories).Length, result.Kept);
        Assert.All(siteWide, file => Assert.EndsWith("<!-- kept -->", File.ReadAllText(Path.Combine(Output, file)), StringComparison.Ordinal));
        Assert.DoesNotContain("<!-- kept -->", File.ReadAllText(Path.Combine(Output, "build-info.json")));
        Assert.Contains("整改已完成", File.ReadAllText(Path.Combine(Output, "regions/karamay/2023/reports/baijiantan-fiscal-operation/index.html")));

        // A passage cut from a report's text changes the site's counts of cut passages.
        Append(KaramayReport, "\n:::redacted{reason=\"涉及商业秘密\"}\n供应商报价明细\n:::\n");
        Assert.True((await Build(Output)).Succeeded);
        Assert.All(siteWide, file => Assert.DoesNotContain("<!-- kept -->", File.ReadAllText(Path.Combine(Output, file))));
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));

        // So does a change to a catalogue.
        var catalogue = Path.Combine(_input, "regions/karamay/2023/reports.json");
        File.AppendAllText(Path.Combine(Output, "catalogue/index.html"), "<!-- kept -->");
        File.WriteAllText(catalogue, File.ReadAllText(catalogue).Replace("白碱滩区", "白碱滩", StringComparison.Ordinal));
        Assert.True((await Build(Output)).Succeeded);
        Assert.DoesNotContain("<!-- kept -->", File.ReadAllText(Path.Combine(Output, "catalogue/index.html")));
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));
    }

    [Fact]
    public async Task The_sitemap_lists_the_pages_of_unchanged_regions_whether_it_is_kept_or_made_again()
    {
        const string baseUrl = "https://example.org/budget/";
        const string elsewhere = "https://example.org/budget/regions/bayingolin/2024/reports/";
        Assert.True((await Build(Output, baseUrl: baseUrl)).Succeeded);
        var sitemap = Path.Combine(Output, "sitemap.xml");
        Assert.Contains(elsewhere, File.ReadAllText(sitemap));

        // Only a report's text: the sitemap is kept (and other regions' report pages are not even made as documents).
        Append(KaramayReport, "\n补充说明：整改已完成。\n");
        var text = await Build(Output, baseUrl: baseUrl);
        Assert.Equal(text.Files - 2 - Directory.GetFiles(Path.Combine(Output, "assets"), "*", SearchOption.AllDirectories).Length, text.Kept);
        Assert.Equal(await FullBuild(baseUrl: baseUrl), OutputTree.Hashes(Output));

        // A catalogue: the sitemap is made again, with the pages of the regions kept.
        var catalogue = Path.Combine(_input, "regions/karamay/2023/reports.json");
        File.WriteAllText(catalogue, File.ReadAllText(catalogue).Replace("调查研究专项经费评价报告", "调查研究专项经费绩效评价报告", StringComparison.Ordinal));
        var listing = await Build(Output, baseUrl: baseUrl);

        Assert.True(listing.Kept > 0, $"kept {listing.Kept}");
        Assert.Contains(elsewhere, File.ReadAllText(sitemap));
        Assert.Equal(await FullBuild(baseUrl: baseUrl), OutputTree.Hashes(Output));
    }

    [Fact]
    public async Task A_link_from_an_unchanged_region_to_a_page_no_longer_made_is_reported()
    {
        PlantBayingolinBody();
        Assert.True((await Build(Output)).Succeeded);
        var catalogue = Path.Combine(_input, "regions/karamay/2023/reports.json");
        File.WriteAllText(catalogue, File.ReadAllText(catalogue).Replace("\"id\": \"research-fund\"", "\"id\": \"research-fund-2\"", StringComparison.Ordinal));

        var result = await Build(Output);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d is { Code: "GK0410" } && d.Location.File == BayingolinBody);
    }

    [Fact]
    public async Task An_unchanged_region_is_taken_as_the_last_build_checked_it_and_read_again_when_that_is_gone()
    {
        // A comment in bayingolin's narrative: the audits warn about it once, and not again on the region kept.
        Append(BayingolinNarrative, "\n<!-- 内部备注 -->\n");
        PlantBayingolinBody();
        var first = await Build(Output);
        Assert.True(first.Succeeded, first.Error);
        Assert.Contains(first.Diagnostics, d => d is { Code: "GK0504" } && d.Location.File == BayingolinNarrative);
        var stored = _temp[".gongkai-cache/out.regions/bayingolin.bin"];
        Assert.DoesNotContain("普查工作总体良好", System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(stored)));

        // Bayingolin's catalogue and narrative garbled at the same size and time: neither is read again.
        Garble(BayingolinCatalogue);
        Garble(BayingolinNarrative);
        Append(KaramayReport, "\n补充说明：整改已完成。\n");
        var second = await Build(Output);

        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
        Assert.Contains("整改已完成", File.ReadAllText(Path.Combine(Output, "regions/karamay/2023/reports/baijiantan-fiscal-operation/index.html")));

        // Without the model it stored, the region is read again, garbled as it is, by a rebuild that reads the regions it
        // keeps (after an edit to karamay's catalogue; one to report texts alone reads the edited regions only).
        File.Delete(stored);
        Append(KaramayCatalogue, "\n");
        var third = await Build(Output);

        Assert.False(third.Succeeded);
        Assert.Contains(third.Diagnostics, d => d is { Code: "GK0002" } && d.Location.File == BayingolinCatalogue);
    }

    [Fact]
    public async Task A_stored_region_model_damaged_on_disk_is_read_again_from_the_input()
    {
        Assert.True((await Build(Output)).Succeeded);
        // One word of a title changed in the stored model, at the same length: a record that still reads.
        var stored = _temp[".gongkai-cache/out.regions/bayingolin.bin"];
        var (was, damaged) = (System.Text.Encoding.UTF8.GetBytes("巴州统计局"), System.Text.Encoding.UTF8.GetBytes("巴州审计局"));
        var bytes = File.ReadAllBytes(stored);
        var at = bytes.AsSpan().IndexOf(was);
        Assert.True(at >= 0);
        damaged.CopyTo(bytes, at);
        File.WriteAllBytes(stored, bytes);
        // Not a text edit alone (see TextEdit), so the models of the regions kept are read.
        Append(KaramayCatalogue, "\n");

        var result = await Build(Output);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));
    }

    [Fact]
    public async Task A_session_keeps_the_region_models_it_read_and_notices_a_build_by_another_process()
    {
        PlantBayingolinBody();
        var memory = new BuildMemory();
        Assert.True((await Build(Output, memory: memory)).Succeeded);
        // Not a text edit alone (see TextEdit), so the models of the regions kept are read.
        Append(KaramayReport, "\n补充一。\n");
        Append(KaramayCatalogue, "\n");
        Assert.True((await Build(Output, memory: memory)).Succeeded);

        // The stored models gone and bayingolin's catalogue garbled: the session still has the model it read last time.
        Directory.Delete(_temp[".gongkai-cache/out.regions"], recursive: true);
        var catalogue = Path.Combine(_input, BayingolinCatalogue);
        var (bytes, time) = (File.ReadAllBytes(catalogue), File.GetLastWriteTimeUtc(catalogue));
        Garble(BayingolinCatalogue);
        Append(KaramayReport, "\n补充二。\n");
        var kept = await Build(Output, memory: memory);
        Assert.True(kept.Succeeded, kept.Error);
        Assert.Contains("补充二", File.ReadAllText(Path.Combine(Output, "regions/karamay/2023/reports/baijiantan-fiscal-operation/index.html")));

        // Another process builds into the same output; then the text goes back to what the session last built.
        File.WriteAllBytes(catalogue, bytes);
        File.SetLastWriteTimeUtc(catalogue, time);
        var report = Path.Combine(_input, KaramayReport);
        var sessionText = File.ReadAllBytes(report);
        Append(KaramayReport, "\n补充三。\n");
        Assert.True((await Build(Output)).Succeeded);
        File.WriteAllBytes(report, sessionText);

        var back = await Build(Output, memory: memory);

        Assert.True(back.Succeeded, back.Error);
        Assert.False(back.UpToDate);
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));
    }

    [Fact]
    public async Task A_session_watching_the_input_looks_only_at_the_changes_it_hears_of_until_it_misses_some()
    {
        // Every input file is dated an hour back, so the build trusts sizes and times.
        PlantBayingolinBody();
        var memory = new BuildMemory();
        memory.WatchInput();
        Assert.True((await Build(Output, memory: memory)).Succeeded);

        Append(KaramayReport, "\n未报告的修改。\n");
        File.SetLastWriteTimeUtc(Path.Combine(_input, KaramayReport), DateTime.UtcNow.AddHours(-1));
        Assert.True((await Build(Output, memory: memory)).UpToDate);

        memory.InputChanged(Path.Combine(_input, KaramayReport));
        var heard = await Build(Output, memory: memory);
        Assert.False(heard.UpToDate);
        Assert.Contains("未报告的修改", File.ReadAllText(Path.Combine(Output, "regions/karamay/2023/reports/baijiantan-fiscal-operation/index.html")));

        Append(BayingolinNarrative, "\n普查结果已汇总。\n");
        File.SetLastWriteTimeUtc(Path.Combine(_input, BayingolinNarrative), DateTime.UtcNow.AddHours(-1));
        memory.InputChangesLost();
        Assert.True((await Build(Output, memory: memory)).Succeeded);
        Assert.Contains("普查结果已汇总", File.ReadAllText(Path.Combine(Output, "regions/bayingolin/2024/index.html")));
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));
    }

    private const string BayingolinCatalogue = "regions/bayingolin/2024/reports.json";

    private const string BayingolinNarrative = "regions/bayingolin/2024/disclosure.md";

    // Overwrites an input file with bytes that are not UTF-8, keeping its size and time: a build that reads it stops with GK0002.
    private void Garble(string relative)
    {
        var file = Path.Combine(_input, relative);
        var time = File.GetLastWriteTimeUtc(file);
        File.WriteAllBytes(file, Enumerable.Repeat((byte)0xFF, (int)new FileInfo(file).Length).ToArray());
        File.SetLastWriteTimeUtc(file, time);
    }

    private const string BayingolinBody = "regions/bayingolin/2024/reports/economic-census-5th.md";

    // A body for a report of another region than karamay's, with a redacted passage, an HTML comment (a warning) and a
    // link to a karamay report; every input file is then dated an hour back, so the build trusts sizes and times.
    private void PlantBayingolinBody()
    {
        var catalogue = Path.Combine(_input, BayingolinCatalogue);
        File.WriteAllText(catalogue, File.ReadAllText(catalogue).Replace(
            "第五次全国经济普查项目重点项目绩效评价报告\", \"status\": \"published\"",
            "第五次全国经济普查项目重点项目绩效评价报告\", \"status\": \"published\", \"body\": \"economic-census-5th.md\"", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(_input, "regions/bayingolin/2024/reports"));
        File.WriteAllText(Path.Combine(_input, BayingolinBody),
            "普查工作总体良好。\n\n:::redacted{reason=\"涉及个人信息\"}\n被调查户 某某\n:::\n\n<!-- 内部备注 -->\n\n另见[克拉玛依报告](/regions/karamay/2023/reports/research-fund/)。\n");
        var hourAgo = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Directory.GetFiles(_input, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, hourAgo);
        }
    }

    [Fact]
    public async Task A_removed_region_leaves_no_file_or_folder_behind()
    {
        await Build(Output);
        Directory.Delete(Path.Combine(_input, "regions/zhundong"), recursive: true);

        var result = await Build(Output);

        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.Kept > 0);
        Assert.False(Directory.Exists(Path.Combine(Output, "regions/zhundong")));
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));
        Assert.True((await Build(Output)).UpToDate);
    }

    [Fact]
    public async Task A_site_wide_change_rebuilds_every_page()
    {
        await Build(Output);
        var site = Path.Combine(_input, "site.json");
        File.WriteAllText(site, File.ReadAllText(site).Replace("\"title\": \"", "\"title\": \"新版", StringComparison.Ordinal));

        var result = await Build(Output);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, result.Kept);
        Assert.Contains("新版", File.ReadAllText(Path.Combine(Output, "regions/bayingolin/2024/index.html")));
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));
    }

    [Fact]
    public async Task A_base_url_that_repeats_site_json_is_no_change_so_serve_and_build_can_take_turns()
    {
        // serve passes its prefix ("/") as the base URL; the sample's site.json gives "/" too.
        Assert.True((await Build(Output, baseUrl: "/")).Succeeded);
        Assert.True((await Build(Output)).UpToDate);
        Append(KaramayReport, "\n又一段。\n");

        var session = await Build(Output, baseUrl: "/");

        Assert.True(session.Succeeded, session.Error);
        // Made again: the report's page, build-info.json and the theme's assets (copied on every build).
        Assert.Equal(session.Files - 2 - Directory.GetFiles(Path.Combine(Output, "assets"), "*", SearchOption.AllDirectories).Length, session.Kept);
        Assert.Equal(await FullBuild(), OutputTree.Hashes(Output));
        var other = await Build(Output, baseUrl: "/preview/");
        Assert.Equal(0, other.Kept);
        Assert.Contains("href=\"/preview/", File.ReadAllText(Path.Combine(Output, KaramayPage)));

        // site.json as an editor on Windows may save it (a BOM, a comment), its base URL "/preview": the same as the option.
        var site = Path.Combine(_input, "site.json");
        var text = File.ReadAllText(site).Replace("\"baseUrl\": \"/\"", "// 预览\n  \"baseUrl\": \"/preview\"", StringComparison.Ordinal);
        File.WriteAllText(site, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.True((await Build(Output, baseUrl: "/preview/")).Succeeded);
        Assert.True((await Build(Output)).UpToDate);
    }

    [Fact]
    public async Task The_search_index_is_remade_from_the_whole_site()
    {
        await Build(Output, search: true);
        Append(KaramayReport, "\n独有检索词：喀纳斯湖畔。\n");

        var result = await Build(Output, search: true);

        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.Kept > 0);
        Assert.Equal(await FullBuild(search: true), OutputTree.Hashes(Output));
    }

    [Fact]
    public async Task Only_the_search_shard_of_a_changed_region_is_indexed_again()
    {
        await Build(Output, search: true, shardPages: 10);
        var entries = Directory.GetFiles(Path.Combine(Output, "pagefind"), "pagefind-entry.json", SearchOption.AllDirectories);
        Assert.True(entries.Length > 1, "the sample should be indexed in several shards");
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var entry in entries)
        {
            File.SetLastWriteTimeUtc(entry, old);
        }

        Append(KaramayReport, "\n独有检索词：喀纳斯湖畔。\n");
        var result = await Build(Output, search: true, shardPages: 10);

        Assert.True(result.Succeeded, result.Error);
        var kept = entries.Count(e => File.GetLastWriteTimeUtc(e) == old);
        Assert.InRange(kept, 1, entries.Length - 1);
        Assert.Equal(await FullBuild(search: true, shardPages: 10), OutputTree.Hashes(Output));
        Assert.True((await Build(Output, search: true, shardPages: 10)).UpToDate);
    }

    [Fact]
    public async Task A_session_shows_the_changed_pages_first_and_indexes_them_with_its_record()
    {
        var memory = new BuildMemory();
        memory.RecordLater();
        await Build(Output, search: true, memory: memory);
        await memory.Recorded;
        Append(KaramayReport, "\n独有检索词：喀纳斯湖畔。\n");

        var result = await Build(Output, search: true, memory: memory);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(TimeSpan.Zero, result.SearchElapsed);
        Assert.Contains("喀纳斯湖畔", File.ReadAllText(Path.Combine(Output, KaramayPage)));
        await memory.Recorded;
        Assert.Null(memory.RecordFailure);
        Assert.Equal(await FullBuild(search: true), OutputTree.Hashes(Output));
        Assert.True((await Build(Output, search: true, memory: memory)).UpToDate);
    }

    [Fact]
    public async Task A_session_whose_index_fails_after_the_pages_were_shown_keeps_them_reports_it_and_builds_in_full_next()
    {
        var theme = FailingSearch.Theme(_temp, out var failNow);
        var memory = new BuildMemory();
        memory.RecordLater();
        Assert.True((await Build(Output, search: true, theme, memory: memory)).Succeeded);
        await memory.Recorded;
        Append(KaramayReport, "\n仍会显示的修改。\n");
        File.WriteAllText(failNow, "");

        var shown = await Build(Output, search: true, theme, memory: memory);
        await memory.Recorded;

        Assert.True(shown.Succeeded, shown.Error);
        Assert.Contains("search indexing failed", memory.RecordFailure);
        Assert.Contains("仍会显示的修改", File.ReadAllText(Path.Combine(Output, KaramayPage)));
        Assert.False(Directory.Exists(_temp[".out.previous"]));
        Assert.False(Directory.Exists(_temp[".out.staging"]));

        File.Delete(failNow);
        var next = await Build(Output, search: true, theme, memory: memory);
        await memory.Recorded;
        Assert.True(next.Succeeded, next.Error);
        Assert.Equal(0, next.Kept);
        Assert.Null(memory.RecordFailure);
    }

    [Fact]
    public async Task A_build_failing_after_files_were_moved_in_puts_every_file_back()
    {
        var theme = FailingSearch.Theme(_temp, out var failNow);
        Assert.True((await Build(Output, search: true, theme)).Succeeded);
        var before = OutputTree.Hashes(Output);
        Append(KaramayReport, "\n不应留下的修改。\n");
        File.WriteAllText(failNow, "");

        var failed = await Build(Output, search: true, theme);

        Assert.False(failed.Succeeded);
        Assert.Contains("search indexing failed", failed.Error);
        Assert.Equal(before, OutputTree.Hashes(Output));
        Assert.False(Directory.Exists(_temp[".out.previous"]));
        Assert.False(Directory.Exists(_temp[".out.staging"]));

        File.Delete(failNow);
        var next = await Build(Output, search: true, theme);
        Assert.True(next.Succeeded, next.Error);
        Assert.Equal(0, next.Kept);
    }
}
