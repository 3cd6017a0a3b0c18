using System.Text.Json;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Validation;

public sealed class CheckCommandTests
{
    [Fact]
    public void The_sample_checks_clean_with_exit_0()
    {
        var (code, output) = CliProcess.Run(Repo.Root, "check", "--warnings-as-errors");
        Assert.Equal(0, code);
        Assert.Contains("No problems found.", output);
    }

    [Fact]
    public void Errors_are_grouped_by_file_with_exit_1_and_nothing_is_written()
    {
        using var input = new MinimalInput();
        input.Replace(MinimalInput.CatalogueFile, "\"score\": 91.2", "\"score\": 86.93");
        input.Write("site.json", "{ \"titel\": \"x\", \"title\": \"x\" }");
        var before = OutputTree.Hashes(Path.GetDirectoryName(input.Root)!);

        var (code, output) = CliProcess.Run(Repo.Root, "check", "--input", input.Root);

        Assert.Equal(1, code);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("regions/demo/2023/reports.json", lines);
        Assert.Contains(lines, l => l.Contains("regions/demo/2023/reports.json:2:76: error GK0403: grade 优 does not match score 86.93, which is 良"));
        Assert.Contains(lines, l => l.Contains("site.json:1:3: error GK0103: unknown field \"titel\" (did you mean \"title\"?)"));
        Assert.Equal(before, OutputTree.Hashes(Path.GetDirectoryName(input.Root)!));
    }

    [Fact]
    public void Json_format_lists_every_diagnostic_with_its_place_and_field()
    {
        using var input = new MinimalInput();
        input.Replace(MinimalInput.CatalogueFile, "\"score\": 91.2", "\"score\": \"九十\"");

        var (code, output) = CliProcess.Run(Repo.Root, "check", "--input", input.Root, "--format", "json");

        Assert.Equal(1, code);
        var item = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("GK0101", item.GetProperty("code").GetString());
        Assert.Equal("error", item.GetProperty("severity").GetString());
        Assert.Equal("regions/demo/2023/reports.json", item.GetProperty("file").GetString());
        Assert.Equal(2, item.GetProperty("line").GetInt32());
        Assert.Equal(60, item.GetProperty("column").GetInt32());
        Assert.Equal("[0].score", item.GetProperty("field").GetString());
    }

    [Fact]
    public void Warnings_pass_unless_warnings_are_errors()
    {
        using var input = new MinimalInput();
        input.Replace(MinimalInput.CatalogueFile, "\"no\": 1,", "\"no\": 1, \"amount\": 200,");

        Assert.Equal(0, CliProcess.Run(Repo.Root, "check", "--input", input.Root).ExitCode);
        Assert.Equal(1, CliProcess.Run(Repo.Root, "check", "--input", input.Root, "--warnings-as-errors").ExitCode);
    }

    [Fact]
    public void A_missing_input_folder_exits_2() =>
        Assert.Equal(2, CliProcess.Run(Repo.Root, "check", "--input", "/nonexistent/gongkai-input").ExitCode);
}
