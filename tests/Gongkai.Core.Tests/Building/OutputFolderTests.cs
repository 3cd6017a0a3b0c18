using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

public sealed class OutputFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Swapping_in_a_new_site_keeps_the_old_one_aside_until_finished_then_deletes_it_whole_but_nothing_its_links_lead_to()
    {
        // What the links lead to has folders of its own, which a deletion going through a link would empty.
        var outside = _temp.Write("elsewhere/pdf/kept.pdf", "附件");
        var elsewhere = _temp["elsewhere"];
        var site = _temp["site"];
        _temp.Write("site/index.html", "旧");
        foreach (var region in Enumerable.Range(1, 12))
        {
            _temp.Write($"site/regions/r{region}/2024/reports/a/index.html", "旧报告");
        }

        // Links at the first and the second level down, where the old site's subtrees are deleted side by side.
        Directory.CreateSymbolicLink(Path.Combine(site, "attachments"), elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(site, "regions", "shared"), elsewhere);
        var output = new OutputFolder(site);
        output.BeginStaging();
        File.WriteAllText(Path.Combine(output.Staging, "index.html"), "新");

        output.Commit();
        Assert.Equal("新", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Equal("旧", File.ReadAllText(_temp[".site.previous/index.html"]));
        output.Finish();

        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(site).Select(Path.GetFileName));
        Assert.Equal("新", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Equal("附件", File.ReadAllText(outside));
        Assert.Equal(["elsewhere", "site"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
