using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

/// <summary>
/// Sizes and times looked up from an open folder must be what .NET gives for the same paths, to the tick: the build
/// cache compares them with those the last build recorded.
/// </summary>
public sealed class FolderStatTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_file_and_a_folder_have_the_size_and_time_net_gives_them()
    {
        var file = _temp.Write("regions/克拉玛依/2023/reports/科研经费.md", "预算绩效管理工作情况");
        var folder = Path.Combine(_temp.Path, "regions", "克拉玛依", "2023");
        // Times other than whole seconds, and not in whole ticks of a millisecond either.
        File.SetLastWriteTimeUtc(file, new DateTime(2024, 3, 5, 8, 9, 10, DateTimeKind.Utc).AddTicks(1_234_567));
        Directory.SetLastWriteTimeUtc(folder, new DateTime(2023, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(7_654_321));
        using var stat = FolderStat.Open(_temp.Path);
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(stat);
            return;
        }

        Assert.NotNull(stat);
        Assert.True(stat.TryGet("regions/克拉玛依/2023/reports/科研经费.md", out var length, out var modified));
        Assert.Equal((new FileInfo(file).Length, File.GetLastWriteTimeUtc(file).Ticks), (length, modified));
        Assert.True(stat.TryGet("regions/克拉玛依/2023", out _, out var folderModified));
        Assert.Equal(Directory.GetLastWriteTimeUtc(folder).Ticks, folderModified);
        Assert.True(stat.TryGet(".", out _, out var rootModified));
        Assert.Equal(Directory.GetLastWriteTimeUtc(_temp.Path).Ticks, rootModified);

        // The same, looked up by name from the folder above.
        using var region = stat.OpenFolder("regions/克拉玛依");
        Assert.NotNull(region);
        Assert.True(region.TryGet("2023", out _, out var byName));
        Assert.Equal(folderModified, byName);
        Assert.Null(stat.OpenFolder("regions/missing"));
    }

    [Fact]
    public void A_link_is_followed_and_a_missing_path_is_not_found()
    {
        var target = _temp.Write("target.md", "不予公开");
        File.CreateSymbolicLink(_temp["link.md"], target);
        using var stat = FolderStat.Open(_temp.Path);
        if (stat is null)
        {
            Assert.False(OperatingSystem.IsLinux());
            return;
        }

        Assert.True(stat.TryGet("link.md", out var length, out var modified));
        Assert.Equal((new FileInfo(target).Length, File.GetLastWriteTimeUtc(target).Ticks), (length, modified));
        Assert.False(stat.TryGet("missing.md", out _, out _));
        Assert.Null(FolderStat.Open(_temp["missing"]));
    }

    [Fact]
    public void Listing_a_folder_gives_each_file_with_the_size_and_time_net_gives_and_falls_back_on_a_broken_link()
    {
        var report = _temp.Write("regions/克拉玛依/2023/reports/科研经费.md", "预算绩效管理工作情况");
        _temp.Write("regions/克拉玛依/region.json", "{}");
        _temp.Write(".hidden", "隐");
        File.SetLastWriteTimeUtc(report, new DateTime(2024, 3, 5, 8, 9, 10, DateTimeKind.Utc).AddTicks(1_234_567));
        Directory.CreateSymbolicLink(_temp["regions/link"], _temp["regions/克拉玛依"]);
        var files = new List<Gongkai.Input.ListedFile>();
        if (!FolderStat.TryListFiles(_temp.Path, "", recurse: true, files))
        {
            Assert.False(OperatingSystem.IsLinux());
            return;
        }

        string[] expected = [".hidden", "regions/link/2023/reports/科研经费.md", "regions/link/region.json", "regions/克拉玛依/2023/reports/科研经费.md", "regions/克拉玛依/region.json"];
        Assert.Equal(expected, files.Select(f => f.Relative).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal((new FileInfo(_temp[f.Relative]).Length, File.GetLastWriteTimeUtc(_temp[f.Relative]).Ticks), (f.Length, f.Modified)));

        var top = new List<Gongkai.Input.ListedFile>();
        Assert.True(FolderStat.TryListFiles(_temp.Path, "", recurse: false, top));
        Assert.Equal([".hidden"], top.Select(f => f.Relative));

        File.CreateSymbolicLink(_temp["regions/gone.md"], _temp["nowhere.md"]);
        Assert.False(FolderStat.TryListFiles(_temp.Path, "", recurse: true, []));
        Assert.False(FolderStat.TryListFiles(_temp["missing"], "", recurse: true, []));
    }
}
