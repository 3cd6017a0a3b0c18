using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

public sealed class CliBuildTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_prints_what_it_did_and_exits_0()
    {
        var (code, output) = CliProcess.Run(Repo.Root, "build", "--output", _temp["site"], "--parallelism", "2");

        Assert.Equal(0, code);
        Assert.Matches(@"Built 39 pages, \d+ files \([\d.]+ KiB\) into .+ in [\d.]+ s\.", output.ReplaceLineEndings(" "));
        Assert.True(File.Exists(_temp["site/index.html"]));
        Assert.Contains("Withheld: 喀什经济开发区 2024: 5 entries, 0 passages", output);
        Assert.Contains("Withheld: 巴音郭楞蒙古自治州 2024: 2 entries, 0 passages", output);
    }

    [Fact]
    public void Bad_input_prints_path_line_column_and_exits_1_without_touching_output()
    {
        using var input = new MinimalInput();
        input.Replace(MinimalInput.CatalogueFile, "\"score\": 91.2", "\"score\": \"九十\"");

        var (code, output) = CliProcess.Run(Repo.Root, "build", "--input", input.Root, "--output", _temp["site"]);

        Assert.Equal(1, code);
        Assert.Contains("regions/demo/2023/reports.json:2:60: error GK0101: \"score\" must be a number between 0 and 100, got \"九十\"", output.ReplaceLineEndings(""));
        Assert.Contains("Build failed.", output);
        Assert.False(Directory.Exists(_temp["site"]));
    }

    [Theory]
    [InlineData("--search-shard-pages")]
    [InlineData("--catalogue-page-reports")]
    public void A_count_option_below_one_is_refused_before_anything_is_built(string option)
    {
        var (code, output) = CliProcess.Run(Repo.Root, "build", "--output", _temp["site"], option, "0");

        Assert.NotEqual(0, code);
        Assert.Contains($"{option} must be 1 or more", output);
        Assert.False(Directory.Exists(_temp["site"]));
    }

    [Fact]
    public void A_full_build_collects_the_heap_fully_once_its_model_is_made_and_a_rebuild_does_not()
    {
        using var input = new MinimalInput();
        string[] build = ["build", "--input", input.Root, "--output", _temp["site"], "--no-search", "--timings"];

        var (fullCode, full) = CliProcess.Run(Repo.Root, build);
        input.Replace("regions/demo/2023/reports/park.md", "得分 91.2 分。", "得分 91.2 分，等级为优。");
        var (rebuildCode, rebuild) = CliProcess.Run(Repo.Root, build);

        Assert.Equal((0, 0), (fullCode, rebuildCode));
        // A site this small allocates far less than the collection-free stretch: only the one at the model's end collects.
        Assert.Matches(@"check the last build: .*, 0 collections, paused 0\.000 s\)", full);
        Assert.Matches(@"read and hash input: .*, 0 collections, paused 0\.000 s\)", full);
        Assert.Matches(@"check input: .*, [1-9]\d* collections?, paused \d+\.\d{3} s\)", full);
        Assert.Matches(@"collections \d+/\d+/[1-9]\d* \(gen 0/1/2\)", full);
        Assert.Matches(@"collections \d+/\d+/0 \(gen 0/1/2\)", rebuild);
        Assert.Contains("Kept ", rebuild);
    }

    [Fact]
    public void A_rebuild_after_a_text_edit_says_the_withheld_counts_are_the_last_build_s()
    {
        using var input = new MinimalInput();
        string[] build = ["build", "--input", input.Root, "--output", _temp["site"], "--no-search"];

        var (fullCode, full) = CliProcess.Run(Repo.Root, build);
        input.Replace("regions/demo/2023/reports/park.md", "得分 91.2 分。", "得分 91.2 分，等级为优。");
        var (rebuildCode, rebuild) = CliProcess.Run(Repo.Root, build);

        Assert.Equal((0, 0), (fullCode, rebuildCode));
        Assert.Contains("Withheld: ", full);
        Assert.DoesNotContain("as at the last build", full);
        Assert.Contains("Withheld: as at the last build (only report texts changed).", rebuild);
    }

    [Fact]
    public void A_full_build_over_a_site_leaves_the_old_one_to_another_process_which_deletes_it_and_nothing_else()
    {
        using var input = new MinimalInput();
        string[] build = ["build", "--input", input.Root, "--output", _temp["site"], "--no-search"];
        Assert.Equal(0, CliProcess.Run(Repo.Root, [.. build, "--base-url", "/a/"]).ExitCode);

        // Another base URL changes every page: a full build, swapped in whole.
        var (code, output) = CliProcess.Run(Repo.Root, [.. build, "--base-url", "/b/"]);

        Assert.Equal(0, code);
        Assert.Contains("Built ", output);
        Assert.Contains("/b/", File.ReadAllText(_temp["site/index.html"]));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Directory.EnumerateDirectories(_temp.Path, ".site.*").Any() && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        Assert.Equal([".gongkai-cache", "site"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var (refused, message) = CliProcess.Run(Repo.Root, "discard", _temp["site"]);
        Assert.Equal(2, refused);
        Assert.Contains("is not an old site", message);
        Assert.True(File.Exists(_temp["site/index.html"]));
    }
}
