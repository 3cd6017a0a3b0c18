using System.Security.Cryptography;
using System.Text;
using Gongkai.Input;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Input;

public sealed class InputFilesTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_file_with_the_recorded_size_and_time_keeps_its_recorded_hash_unread()
    {
        var same = Settled("same.md", "甲");
        var touched = Settled("touched.md", "乙");
        var planted = Enumerable.Repeat((byte)0xaa, 32).ToArray();
        var known = new Dictionary<string, InputStat>
        {
            ["same.md"] = new(new FileInfo(same).Length, LongAgo.Ticks, planted),
            // Same size, another time: hashed again.
            ["touched.md"] = new(new FileInfo(touched).Length, LongAgo.Ticks - 1, planted),
        };

        var files = InputFiles.Read(_temp.Path, known);

        Assert.Equal(planted, files.Hashes.Single(h => h.Relative == "same.md").Hash);
        Assert.Equal(Sha("乙"), files.Hashes.Single(h => h.Relative == "touched.md").Hash);
        Assert.Equal(planted, files.Stats["same.md"].Hash);
        Assert.Equal(Sha("乙"), files.Stats["touched.md"].Hash);
    }

    [Fact]
    public void The_files_whose_bytes_are_not_those_known_are_the_changed_ones_and_those_not_known_are_counted()
    {
        var same = Settled("same.md", "甲");
        var touched = Settled("touched.md", "乙");
        var edited = Settled("edited.md", "丙，改过");
        Settled("added.md", "丁");
        var known = new Dictionary<string, InputStat>
        {
            ["same.md"] = new(new FileInfo(same).Length, LongAgo.Ticks, Sha("甲")),
            // Another time, the same bytes: not changed.
            ["touched.md"] = new(new FileInfo(touched).Length, LongAgo.Ticks - 1, Sha("乙")),
            ["edited.md"] = new(new FileInfo(edited).Length, LongAgo.Ticks - 1, Sha("丙")),
            ["removed.md"] = new(1, LongAgo.Ticks, Sha("戊")),
        };

        var files = InputFiles.Read(_temp.Path, known);

        Assert.Equal(["edited.md"], files.Changed);
        Assert.Equal(1, files.Unknown);
        Assert.Equal(4, InputFiles.Read(_temp.Path).Unknown);
    }

    [Fact]
    public void A_listing_has_every_file_at_every_depth_hidden_ones_too_and_those_under_links_to_folders_in_path_order()
    {
        string[] files = ["site.json", ".hidden", "regions/a.json", "regions/r1/region.json", "regions/r1/2024/reports/x.md",
            "regions/r2/2023/disclosure.md", "theme/t/u/v.css", "z/only.txt"];
        foreach (var file in files)
        {
            _temp.Write(file, file);
        }

        Directory.CreateDirectory(Path.Combine(_temp.Path, "regions/empty"));
        Directory.CreateSymbolicLink(Path.Combine(_temp.Path, "regions/link"), Path.Combine(_temp.Path, "regions/r1"));
        Directory.CreateSymbolicLink(Path.Combine(_temp.Path, "regions/r2/link"), Path.Combine(_temp.Path, "regions/r1"));

        var listing = InputFiles.List(_temp.Path);

        string[] linked = ["regions/link/2024/reports/x.md", "regions/link/region.json", "regions/r2/link/2024/reports/x.md", "regions/r2/link/region.json"];
        Assert.Equal(files.Concat(linked).Order(StringComparer.Ordinal), listing.Files.Select(f => f.Relative));
        Assert.All(listing.Files, f => Assert.True(File.Exists(listing.FullPath(f)), f.Relative));
        Assert.All(listing.Files.ExceptBy(linked, f => f.Relative), f => Assert.Equal(f.Relative.Length, f.Length));
    }

    [Fact]
    public void Bytes_of_a_file_not_read_up_front_are_read_when_asked_for()
    {
        var path = Settled("report.md", "丙");
        var known = new Dictionary<string, InputStat> { ["report.md"] = new(new FileInfo(path).Length, LongAgo.Ticks, Sha("丙")) };

        var files = InputFiles.Read(_temp.Path, known);

        Assert.Equal("丙", Encoding.UTF8.GetString(files.Bytes("report.md")!.Value.Span));
        Assert.Null(files.Bytes("missing.md"));
        Assert.False(files.Contains("missing.md"));
    }

    [Theory]
    [InlineData("评价报告正文，后来又加了一段。")]
    [InlineData("评价报告正文。\n")]
    [InlineData("短")]
    public void A_file_that_changed_size_after_it_was_listed_is_read_as_it_is_now(string now)
    {
        var path = _temp.Write("report.md", "评价报告正文。");
        var listing = InputFiles.List(_temp.Path);
        File.WriteAllText(path, now);

        var files = InputFiles.Read(listing, null);

        Assert.Equal(now, Encoding.UTF8.GetString(files.Bytes("report.md")!.Value.Span));
        Assert.Equal(Sha(now), files.Hashes.Single().Hash);
    }

    [Fact]
    public void Many_files_read_at_once_each_keep_their_own_bytes()
    {
        var texts = Enumerable.Range(0, 3000).ToDictionary(i => $"r/{i:D4}.md", i => new string('报', i % 700) + i);
        foreach (var (relative, text) in texts)
        {
            _temp.Write(relative, text);
        }

        var files = InputFiles.Read(_temp.Path);

        Assert.All(texts, t => Assert.Equal(t.Value, Encoding.UTF8.GetString(files.Bytes(t.Key)!.Value.Span)));
    }

    [Fact]
    public void A_file_changed_just_now_is_remembered_by_its_hash_but_not_by_size_and_time()
    {
        Settled("old.md", "丁");
        _temp.Write("new.md", "戊");
        var time = File.GetLastWriteTimeUtc(_temp["new.md"]);

        var files = InputFiles.Read(_temp.Path);

        Assert.Equal(["new.md", "old.md"], files.Stats.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Sha("戊"), files.Stats["new.md"].Hash);
        Assert.Equal(InputStat.Unsettled, files.Stats["new.md"].Modified);
        Assert.NotEqual(InputStat.Unsettled, files.Stats["old.md"].Modified);

        // Changed again within the same tick of the clock: the same size and time, another text.
        _temp.Write("new.md", "己");
        File.SetLastWriteTimeUtc(_temp["new.md"], time);
        Assert.Equal(Sha("己"), InputFiles.Read(_temp.Path, files.Stats).Stats["new.md"].Hash);
    }

    [Fact]
    public void A_listing_made_again_from_the_changed_paths_alone_is_the_listing_of_the_folder_now()
    {
        foreach (var file in new[] { "site.json", "regions/a/region.json", "regions/a/2023/reports/one.md", "regions/a/2023/reports/two.md", "regions/b/region.json", "regions/b/2023/x.md" })
        {
            Settled(file, file);
        }

        var listing = InputFiles.List(_temp.Path);
        var edited = _temp.Write("regions/a/2023/reports/one.md", "改过的文本");
        var added = _temp.Write("regions/c/2024/reports/new.md", "新报告");
        var renamedFrom = _temp["regions/a/2023/reports/two.md"];
        var renamedTo = _temp["regions/a/2023/reports/three.md"];
        File.Move(renamedFrom, renamedTo);
        var deleted = _temp["regions/b/2023"];
        Directory.Delete(deleted, recursive: true);

        // As a watcher reports them: the new folder by its top alone, the deleted folder without the files it held.
        var relisted = InputFiles.Relist(listing, [edited, _temp["regions/c"], renamedFrom, renamedTo, deleted]);

        var now = InputFiles.List(_temp.Path);
        Assert.Equal(now.Files, relisted.Files);
        Assert.Contains(relisted.Files, f => f.Relative == "regions/c/2024/reports/new.md" && relisted.FullPath(f) == added);
        Assert.DoesNotContain(relisted.Files, f => f.Relative.StartsWith("regions/b/2023/", StringComparison.Ordinal));
        // Nothing changed, nothing listed again: an edit no watcher reported is not seen.
        File.AppendAllText(_temp["regions/b/region.json"], "，");
        Assert.Equal(now.Files, InputFiles.Relist(now, []).Files);
        Assert.NotEqual(now.Files, InputFiles.List(_temp.Path).Files);
    }

    private string Settled(string relative, string text)
    {
        var path = _temp.Write(relative, text);
        File.SetLastWriteTimeUtc(path, LongAgo);
        return path;
    }

    private static byte[] Sha(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
