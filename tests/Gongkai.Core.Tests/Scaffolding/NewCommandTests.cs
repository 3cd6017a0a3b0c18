using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Scaffolding;

/// <summary><c>gongkai new</c>: the files it writes pass <c>check</c> as they are, build into pages, and are never overwritten.</summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly MinimalInput _input = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _input.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_new_region_and_disclosure_pass_check_and_build_into_pages()
    {
        var region = CliProcess.Run(Repo.Root, "new", "region", "hami", "--name", "哈密市", "--level", "地州", "--parent", "demo", "--input", _input.Root);
        Assert.True(region.ExitCode == 0, region.Output);
        var disclosure = CliProcess.Run(Repo.Root, "new", "disclosure", "hami", "2024", "--input", _input.Root);
        Assert.True(disclosure.ExitCode == 0, disclosure.Output);
        Assert.Contains("created regions/hami/2024/disclosure.md", disclosure.Output);
        Assert.Contains("# ", File.ReadAllText(Path.Combine(_input.Root, "regions/hami/2024/disclosure.md")));
        Assert.Contains("// ", File.ReadAllText(Path.Combine(_input.Root, "regions/hami/2024/reports.json")));

        var check = CliProcess.Run(Repo.Root, "check", "--input", _input.Root, "--warnings-as-errors");
        Assert.True(check.ExitCode == 0, check.Output);

        var output = _temp["out"];
        var result = await SiteBuilder.BuildAsync(new BuildOptions(_input.Root, output, Repo.Theme, Search: false));
        Assert.True(result.Succeeded, result.Error);
        var page = Html.Load(Path.Combine(output, "regions/hami/2024/index.html"));
        Assert.Equal("哈密市 · 2024 年度", page.QuerySelector("main h1")!.TextContent);
        Assert.DoesNotContain("内部说明", page.DocumentElement.OuterHtml);
    }

    [Fact]
    public void Existing_files_are_never_overwritten_and_bad_names_are_refused()
    {
        var disclosure = Path.Combine(_input.Root, MinimalInput.DisclosureFile);
        var before = File.ReadAllText(disclosure);

        var again = CliProcess.Run(Repo.Root, "new", "disclosure", "demo", "2023", "--input", _input.Root);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("regions/demo/2023/disclosure.md already exists; nothing was written", again.Output);
        Assert.Equal(before, File.ReadAllText(disclosure));

        var unknown = CliProcess.Run(Repo.Root, "new", "disclosure", "nowhere", "2023", "--input", _input.Root);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("region \"nowhere\" does not exist", unknown.Output);

        var badSlug = CliProcess.Run(Repo.Root, "new", "region", "Ha Mi", "--name", "哈密市", "--input", _input.Root);
        Assert.Equal(1, badSlug.ExitCode);
        Assert.Contains("is not URL-safe", badSlug.Output);
        Assert.False(Directory.Exists(Path.Combine(_input.Root, "regions/Ha Mi")));
    }
}
