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

    [Fact]
    public void A_replaced_site_handed_on_is_renamed_out_of_the_way_and_the_next_build_deletes_it_if_it_is_still_there()
    {
        var site = _temp["site"];
        _temp.Write("site/regions/r1/2024/index.html", "旧");
        var output = new OutputFolder(site);
        output.BeginStaging();
        File.WriteAllText(Path.Combine(output.Staging, "index.html"), "新");
        output.Commit();
        var handed = new List<string>();

        output.Finish(handed.Add);

        var discarded = Assert.Single(handed);
        Assert.Equal(Path.GetDirectoryName(site), Path.GetDirectoryName(discarded));
        Assert.Matches(@"^\.site\.discarded-\d+$", Path.GetFileName(discarded));
        Assert.Equal("旧", File.ReadAllText(Path.Combine(discarded, "regions/r1/2024/index.html")));
        Assert.Equal(["discarded", "site"], Entries(_temp.Path).Select(e => e == Path.GetFileName(discarded) ? "discarded" : e));

        // An incremental build (nothing replaced whole) hands nothing on; its staging removes the site left undeleted,
        // and nothing else named like it.
        _temp.Write(".site.discarded-backup/index.html", "别人的");
        var next = new OutputFolder(site);
        next.BeginStaging();
        Assert.Equal([".site.discarded-backup", ".site.staging", "site"], Entries(_temp.Path));
        next.Abandon();
        next.Finish(handed.Add);
        Assert.Single(handed);
    }

    [Fact]
    public void Only_a_folder_named_as_a_replaced_site_is_deleted_on_request()
    {
        _temp.Write(".site.discarded-123-2/index.html", "旧");
        _temp.Write("site/index.html", "新");
        _temp.Write(".site.previous/index.html", "旧");

        foreach (var other in new[] { "site", ".site.previous", ".site.discarded-", ".site.discarded-12a", "site.discarded-1", ".site.old-1" })
        {
            Assert.Throws<ArgumentException>(() => OutputFolder.DeleteDiscarded(_temp[other]));
        }

        OutputFolder.DeleteDiscarded(_temp[".site.discarded-123-2"]);
        OutputFolder.DeleteDiscarded(_temp[".site.discarded-123-2"]);
        Assert.Equal([".site.previous", "site"], Entries(_temp.Path));
    }

    [Fact]
    public void Two_deleting_one_old_site_at_once_both_succeed()
    {
        for (var round = 0; round < 30; round++)
        {
            var old = _temp[$".site.discarded-{round}"];
            foreach (var region in Enumerable.Range(1, 8))
            {
                foreach (var report in Enumerable.Range(1, 8))
                {
                    _temp.Write($".site.discarded-{round}/regions/r{region}/2024/reports/p{report}/index.html", "旧");
                }
            }

            // As the deleter a build started and the next build's staging would. A race: a subtree the other had
            // deleted used to end one of them early, and the folder outlived both (one run of the test in five or six).
            using var start = new Barrier(2);
            Parallel.Invoke(
                () => { start.SignalAndWait(); OutputFolder.DeleteDiscarded(old); },
                () => { start.SignalAndWait(); OutputFolder.DeleteDiscarded(old); });

            Assert.False(Directory.Exists(old));
        }
    }

    private static IEnumerable<string> Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal);
}
