using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

public sealed class BuildTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<BuildResult> Build(string input, string output, int parallelism = 0, string? theme = null, string? baseUrl = null) =>
        SiteBuilder.BuildAsync(new BuildOptions(input, output, theme ?? Repo.Theme, baseUrl, parallelism));

    [Fact]
    public async Task Building_twice_gives_byte_identical_output()
    {
        var first = await Build(Repo.Input, _temp["one"], parallelism: 1);
        var second = await Build(Repo.Input, _temp["two"], parallelism: 4);

        Assert.True(first.Succeeded && second.Succeeded);
        var a = OutputTree.Hashes(_temp["one"]);
        var b = OutputTree.Hashes(_temp["two"]);
        Assert.Equal(a.Keys, b.Keys);
        Assert.Equal(a, b);
        Assert.Equal(Directory.GetFiles(_temp["one"], "*", SearchOption.AllDirectories).Length, a.Count);
        Assert.Contains(a.Keys, k => k.StartsWith("pagefind/", StringComparison.Ordinal));
        Assert.Equal(first.Files, a.Count);
    }

    [Fact]
    public async Task Missing_input_or_theme_folders_are_reported_not_thrown()
    {
        var noInput = await Build(_temp["no-input"], _temp["out"]);
        Assert.False(noInput.Succeeded);
        Assert.Equal("GK0001", Assert.Single(noInput.Diagnostics).Code);

        var noTheme = await Build(Repo.Input, _temp["out"], theme: _temp["no-theme"]);
        Assert.False(noTheme.Succeeded);
        Assert.Contains("theme folder does not exist", noTheme.Error);
    }

    [Fact]
    public async Task A_failed_build_leaves_the_previous_output_byte_for_byte_intact()
    {
        using var input = new MinimalInput();
        var output = _temp["out"];
        Assert.True((await Build(input.Root, output)).Succeeded);
        var before = OutputTree.Hashes(output);

        input.Replace(MinimalInput.CatalogueFile, "\"score\": 91.2", "\"score\": 191.2");
        var failed = await Build(input.Root, output);

        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Diagnostics, d => d.Code == "GK0102");
        Assert.Equal(before, OutputTree.Hashes(output));
        Assert.False(Directory.Exists(_temp[".out.staging"]));
    }

    [Fact]
    public async Task A_template_failure_mid_build_leaves_the_previous_output_intact_and_names_the_document()
    {
        using var input = new MinimalInput();
        var output = _temp["out"];
        Assert.True((await Build(input.Root, output)).Succeeded);
        var before = OutputTree.Hashes(output);

        var theme = _temp.CopyTree(Repo.Theme, "theme");
        File.AppendAllText(Path.Combine(theme, "layouts", "report.sbn-html"), "{{ entry.no_such_field.x }}");
        var failed = await Build(input.Root, output, theme: theme);

        Assert.False(failed.Succeeded);
        Assert.Contains("pipeline 'Reports', module 'ApplyLayout'", failed.Error);
        Assert.Contains("reports.json", failed.Error);
        Assert.Equal(before, OutputTree.Hashes(output));
    }

    [Fact]
    public async Task A_template_syntax_error_is_reported_with_its_file_and_line()
    {
        using var input = new MinimalInput();
        var theme = _temp.CopyTree(Repo.Theme, "theme");
        File.WriteAllText(Path.Combine(theme, "layouts", "region.sbn-html"), "<h1>\n{{ if }}\n");
        var failed = await Build(input.Root, _temp["out"], theme: theme);

        Assert.False(failed.Succeeded);
        Assert.Contains("region.sbn-html(2,", failed.Error);
    }

    [Fact]
    public async Task The_output_folder_may_not_be_or_contain_the_input()
    {
        using var input = new MinimalInput();
        var result = await Build(input.Root, Path.GetDirectoryName(input.Root)!);

        Assert.False(result.Succeeded);
        Assert.Contains("is or contains the input folder", result.Error);
        Assert.True(File.Exists(Path.Combine(input.Root, "site.json")));
    }

    [Fact]
    public async Task The_output_folder_may_not_be_the_theme_or_a_repository()
    {
        using var input = new MinimalInput();
        var theme = _temp.CopyTree(Repo.Theme, "theme");
        var before = OutputTree.Hashes(theme);

        var repo = _temp["repo"];
        _temp.Write("repo/.git/HEAD", "ref: refs/heads/main\n");
        _temp.Write("repo/README.md", "mine");

        var intoTheme = await Build(input.Root, theme, theme: theme);
        var intoRepo = await Build(input.Root, repo);

        Assert.Contains("is or contains the theme folder", intoTheme.Error);
        Assert.Contains("is a repository", intoRepo.Error);
        Assert.Equal(before, OutputTree.Hashes(theme));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(repo, "README.md")));
    }

    [Fact]
    public async Task Base_url_prefixes_every_link()
    {
        using var input = new MinimalInput();
        var output = _temp["out"];
        Assert.True((await Build(input.Root, output, baseUrl: "/disclosures")).Succeeded);

        var page = Html.Load(Path.Combine(output, "regions/demo/2023/index.html"));
        var hrefs = page.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith('#')).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.StartsWith("/disclosures/", h));
    }

    [Fact]
    public async Task A_withheld_entry_shows_only_its_public_fields()
    {
        using var input = new MinimalInput();
        var output = _temp["out"];
        Assert.True((await Build(input.Root, output)).Succeeded);

        var everything = string.Concat(Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain("保密项目", everything);
        Assert.DoesNotContain("secret", everything);
        Assert.Contains("涉及涉密及敏感信息", everything);
    }

    [Fact]
    public async Task Attachments_are_copied_beside_the_report_and_linked_with_the_external_url()
    {
        using var input = new MinimalInput();
        input.Write("regions/demo/2023/reports/pdf/park.pdf", "%PDF-1.4 test");
        input.Replace(MinimalInput.CatalogueFile, "\"body\": \"park.md\"",
            "\"body\": \"park.md\", \"url\": \"https://www.example.gov.cn/park.html\", \"attachments\": [\"pdf/park.pdf\"]");
        var output = _temp["out"];
        Assert.True((await Build(input.Root, output)).Succeeded);

        Assert.Equal("%PDF-1.4 test", File.ReadAllText(Path.Combine(output, "regions/demo/2023/reports/park/park.pdf")));
        var page = Html.Load(Path.Combine(output, "regions/demo/2023/reports/park/index.html"));
        var hrefs = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/regions/demo/2023/reports/park/park.pdf", hrefs);
        Assert.Contains("https://www.example.gov.cn/park.html", hrefs);
    }

    [Fact]
    public async Task Catalogues_of_more_than_a_thousand_entries_render()
    {
        using var input = new MinimalInput();
        var entries = Enumerable.Range(2, 1200).Select(no => $"{{ \"no\": {no}, \"id\": \"w{no}\", \"status\": \"withheld\", \"withheldReason\": \"涉密\" }}");
        input.Write(MinimalInput.CatalogueFile,
            "[{ \"no\": 1, \"id\": \"park\", \"title\": \"公园\", \"status\": \"published\" },\n" + string.Join(",\n", entries) + "]");
        input.Replace(MinimalInput.DisclosureFile, "objectCount: 2", "objectCount: 1201");
        input.Replace(MinimalInput.DisclosureFile, "reportCount: 2", "reportCount: 1201");
        input.Replace(MinimalInput.DisclosureFile, "withheldCount: 1", "withheldCount: 1200");

        var result = await Build(input.Root, _temp["out"]);

        Assert.True(result.Succeeded, result.Error + string.Join("\n", result.Diagnostics));
        // More than one page of the site-wide catalogue lists: the region's page has them all, the catalogue's own lists it.
        Assert.Equal(1201, Html.Load(_temp["out/catalogue/demo/index.html"]).QuerySelectorAll("#site-catalogue tbody tr").Length);
        Assert.Equal(["/catalogue/demo/"], Html.Load(_temp["out/catalogue/index.html"]).QuerySelectorAll("main tbody a").Select(a => a.GetAttribute("href")));
        Assert.Equal(1201, Html.Load(_temp["out/regions/demo/2023/index.html"]).QuerySelectorAll(".catalogue-table tbody tr").Length);
    }

    [Fact]
    public async Task An_absolute_base_url_gives_canonical_and_og_url_links()
    {
        using var input = new MinimalInput();
        var output = _temp["out"];
        Assert.True((await Build(input.Root, output, baseUrl: "https://www.example.gov.cn/disclosures/")).Succeeded);

        var page = Html.Load(Path.Combine(output, "regions/demo/2023/index.html"));
        Assert.Equal("https://www.example.gov.cn/disclosures/regions/demo/2023/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://www.example.gov.cn/disclosures/regions/demo/2023/", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
    }
}
