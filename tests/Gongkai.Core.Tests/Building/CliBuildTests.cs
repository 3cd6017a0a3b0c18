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
}
