using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

/// <summary>
/// A rebuild after an edit to report texts alone reads only the edited regions and makes only the edited pages
/// (<see cref="BuildResult.TextEdit"/>), and ends with the bytes of a full build; any other edit, or a text that needs more
/// than its own region to check or count, is built the usual way, with the same result.
/// </summary>
public sealed class TextEditTests : IDisposable
{
    private const string Catalogue = "regions/karamay/2023/reports.json";
    private const string Report = "regions/karamay/2023/reports/entrusted-business.md";
    private const string Page = "regions/karamay/2023/reports/entrusted-business/index.html";
    private readonly TempFolder _temp = new();
    private readonly string _input;

    public TextEditTests() => _input = _temp.CopyTree(Repo.Input, "input");

    public void Dispose() => _temp.Dispose();

    private string Output => _temp["out"];

    private Task<BuildResult> Build(string output, bool search = false) =>
        SiteBuilder.BuildAsync(new BuildOptions(_input, output, Repo.Theme, null, Search: search));

    private void Append(string relative, string text) => File.AppendAllText(Path.Combine(_input, relative), text);

    private void Replace(string relative, string from, string to)
    {
        var path = Path.Combine(_input, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    // The build an edit is made after.
    private async Task BuildFirst()
    {
        var first = await Build(Output);
        Assert.True(first.Succeeded, string.Join("; ", first.Diagnostics));
    }

    // The files a build wrote: every build writes the theme's assets and build-info.json.
    private int Written(BuildResult result) => result.Files - result.Kept - 1 - Directory.GetFiles(Path.Combine(Output, "assets"), "*", SearchOption.AllDirectories).Length;

    // The output, which must be what a full build of the input as it is now writes.
    private async Task AssertFullBuild()
    {
        var full = _temp[$"full-{Guid.NewGuid():N}"];
        Assert.True((await Build(full)).Succeeded);
        Assert.Equal(OutputTree.Hashes(full), OutputTree.Hashes(Output));
    }

    [Fact]
    public async Task An_edited_report_text_is_the_one_page_made_again()
    {
        await BuildFirst();
        Append(Report, "\n补充说明：整改已完成。\n");
        Append("regions/karamay/2023/reports/research-fund.md", "\n另一份报告的补充。\n");

        var result = await Build(Output);

        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.TextEdit);
        Assert.Equal(2, Written(result));
        Assert.Contains("整改已完成", File.ReadAllText(Path.Combine(Output, Page)));
        await AssertFullBuild();
        Assert.True((await Build(Output)).UpToDate);
    }

    [Theory]
    [InlineData("a link within the site", "\n见[巴音郭楞](../../../../bayingolin/)。\n")]
    [InlineData("a passage cut", "\n:::redacted{reason=\"涉及个人信息\"}\n联系人电话 13800000000\n:::\n")]
    [InlineData("a warning", "\n<!-- 内部备注 -->\n")]
    public async Task A_text_that_needs_more_than_its_region_is_built_the_usual_way(string what, string text)
    {
        await BuildFirst();
        Append(Report, text);

        var result = await Build(Output);

        Assert.True(result.Succeeded, $"{what}: {result.Error}");
        Assert.False(result.TextEdit, what);
        Assert.True(result.Kept > 0, what);
        Assert.DoesNotContain("13800000000", File.ReadAllText(Path.Combine(Output, Page)));
        await AssertFullBuild();
    }

    [Fact]
    public async Task An_error_in_an_edited_text_is_reported_where_it_is_and_the_site_stays()
    {
        await BuildFirst();
        var before = OutputTree.Hashes(Output);
        Append(Report, "\n<div>不允许的 HTML</div>\n");

        var result = await Build(Output);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "GK0500" && d.Location.File == Report);
        Assert.Equal(before, OutputTree.Hashes(Output));
    }

    [Fact]
    public async Task A_withheld_report_s_text_is_never_read_so_its_edit_is_built_the_usual_way_and_reaches_no_file()
    {
        Replace(Catalogue, "\"status\": \"published\", \"body\": \"entrusted-business.md\"",
            "\"status\": \"withheld\", \"withheldReason\": \"涉及涉密及敏感信息\", \"body\": \"entrusted-business.md\"");
        Replace("regions/karamay/2023/disclosure.md", "withheldCount: 0", "withheldCount: 1");
        await BuildFirst();
        Append(Report, "\nCANARYWITHHELDTEXT\n");

        var result = await Build(Output);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(result.TextEdit);
        Assert.Empty(CanaryScanner.Find(Output, ["CANARYWITHHELDTEXT"]));
        await AssertFullBuild();
    }

    [Fact]
    public async Task A_text_that_is_the_body_of_two_reports_is_built_the_usual_way()
    {
        Replace(Catalogue, "\"body\": \"research-fund.md\"", "\"body\": \"entrusted-business.md\"");
        await BuildFirst();
        Append(Report, "\n两份报告共用的补充。\n");

        var result = await Build(Output);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(result.TextEdit);
        Assert.Contains("两份报告共用的补充", File.ReadAllText(Path.Combine(Output, "regions/karamay/2023/reports/research-fund/index.html")));
        await AssertFullBuild();
    }

    [Fact]
    public async Task A_catalogue_edit_or_a_build_with_search_is_not_a_text_edit()
    {
        await BuildFirst();
        Replace(Catalogue, "\"score\": 91.5,", "\"score\": 91.6,");

        var result = await Build(Output);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(result.TextEdit);
        await AssertFullBuild();

        var searched = _temp["searched"];
        Assert.True((await Build(searched, search: true)).Succeeded);
        Append(Report, "\n补充说明。\n");
        var withSearch = await Build(searched, search: true);
        Assert.True(withSearch.Succeeded && !withSearch.TextEdit && withSearch.Kept > 0, withSearch.Error);
    }
}
