using Gongkai.Archive;
using Gongkai.Building;
using Gongkai.Pages;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Archive;

public sealed class PermalinkTests : IDisposable
{
    private readonly MinimalInput _input = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _input.Dispose();
        _temp.Dispose();
    }

    private Task<BuildResult> Build(string output, string? previous = null, int catalogueReports = CataloguePage.DefaultPageReports) =>
        SiteBuilder.BuildAsync(new BuildOptions(_input.Root, output, Repo.Theme, Search: false, PreviousManifest: previous, CataloguePageReports: catalogueReports));

    private async Task<string> PreviousSnapshotManifest(int catalogueReports = CataloguePage.DefaultPageReports)
    {
        Assert.True((await Build(_temp["v1"], catalogueReports: catalogueReports)).Succeeded);
        return Path.Combine(Snapshot.Create(_temp["v1"], _temp["snapshots"], new DateOnly(2026, 11, 23)), "manifest.json");
    }

    [Fact]
    public async Task Renaming_an_id_without_an_alias_fails_against_the_previous_manifest_and_keeps_the_output()
    {
        var manifest = await PreviousSnapshotManifest();
        Assert.True((await Build(_temp["out"])).Succeeded);
        var before = OutputTree.Hashes(_temp["out"]);
        _input.Replace(MinimalInput.CatalogueFile, "\"id\": \"park\"", "\"id\": \"city-park\"");

        var result = await Build(_temp["out"], manifest);

        Assert.False(result.Succeeded);
        Assert.Contains("regions/demo/2023/reports/park/index.html", result.Error);
        Assert.Contains("aliases", result.Error);
        Assert.DoesNotContain("--catalogue-page-reports", result.Error);
        Assert.Equal(before, OutputTree.Hashes(_temp["out"]));
    }

    [Fact]
    public async Task Catalogue_pages_per_region_lost_to_a_higher_limit_fail_with_the_option_to_keep_them()
    {
        var manifest = await PreviousSnapshotManifest(catalogueReports: 1);

        var result = await Build(_temp["out"], manifest);

        Assert.False(result.Succeeded);
        Assert.Contains("catalogue/demo/index.html", result.Error);
        Assert.Contains("pass a lower --catalogue-page-reports", result.Error);
        Assert.True((await Build(_temp["out"], manifest, catalogueReports: 1)).Succeeded);
    }

    [Fact]
    public async Task With_the_alias_the_old_address_redirects_to_the_new_page()
    {
        var manifest = await PreviousSnapshotManifest();
        _input.Replace(MinimalInput.CatalogueFile, "\"id\": \"park\"", "\"id\": \"city-park\", \"aliases\": [\"park\"]");

        var result = await Build(_temp["out"], manifest);

        Assert.True(result.Succeeded, result.Error);
        var redirect = Html.Load(Path.Combine(_temp["out"], "regions/demo/2023/reports/park/index.html"));
        Assert.Equal("0; url=/regions/demo/2023/reports/city-park/", redirect.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("/regions/demo/2023/reports/city-park/", redirect.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.True(File.Exists(Path.Combine(_temp["out"], "regions/demo/2023/reports/city-park/index.html")));
    }

    [Fact]
    public async Task A_renamed_region_fails_without_an_alias_and_with_it_every_old_page_redirects()
    {
        var manifest = await PreviousSnapshotManifest();
        Directory.Move(Path.Combine(_input.Root, "regions/demo"), Path.Combine(_input.Root, "regions/demo-city"));

        var refused = await Build(_temp["refused"], manifest);
        Assert.False(refused.Succeeded);
        Assert.Contains("regions/demo/2023/index.html", refused.Error);

        _input.Write("regions/demo-city/region.json", """{ "name": "示例市", "level": "市", "aliases": ["demo"] }""");
        var result = await Build(_temp["out"], manifest);
        Assert.True(result.Succeeded, result.Error);
        (string From, string To)[] expected =
        [
            ("regions/demo/", "/regions/demo-city/"),
            ("regions/demo/2023/", "/regions/demo-city/2023/"),
            ("regions/demo/2023/reports/park/", "/regions/demo-city/2023/reports/park/"),
        ];
        foreach (var (from, to) in expected)
        {
            var redirect = Html.Load(Path.Combine(_temp["out"], from, "index.html"));
            Assert.Equal($"0; url={to}", redirect.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
            Assert.True(File.Exists(Path.Combine(_temp["out"], to.TrimStart('/'), "index.html")), to);
        }
    }
}
