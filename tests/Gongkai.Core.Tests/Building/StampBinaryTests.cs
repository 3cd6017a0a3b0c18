using Gongkai.Building;
using Gongkai.Input;

namespace Gongkai.Tests.Building;

/// <summary>The build stamp reads back as it was written; one cut short or with bytes after it reads as none.</summary>
public sealed class StampBinaryTests : IDisposable
{
    private readonly Support.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static BuildStamp Stamp() => new(
        "full-key",
        "site-key",
        new Dictionary<string, string> { ["regions/karamay"] = "k1", ["regions/hami"] = "k2" },
        new Dictionary<string, string?> { ["index.html"] = null, ["regions/karamay/index.html"] = "regions/karamay" },
        new Dictionary<string, string> { ["pagefind"] = "s1" },
        new Dictionary<string, InputStat> { ["site.json"] = new(123, 638_000_000_000_000_000, "ab12") },
        new Dictionary<string, int> { ["regions/karamay/2023/reports/a.md"] = 2 },
        "link-targets",
        "site-data",
        new Dictionary<string, string> { ["regions/karamay"] = "d1", ["regions/hami"] = "d2" });

    [Fact]
    public void A_stamp_reads_back_as_it_was_written()
    {
        var path = _temp["stamp"];
        var stamp = Stamp();
        BinaryFile.Write(path, w => StampBinary.Write(w, stamp));

        var read = BinaryFile.Read(path, StampBinary.Read)!;

        Assert.Equal((stamp.Key, stamp.SiteKey, stamp.LinkTargets, stamp.SiteData), (read.Key, read.SiteKey, read.LinkTargets, read.SiteData));
        Assert.Equal(stamp.Scopes, read.Scopes);
        Assert.Equal(stamp.Outputs, read.Outputs);
        Assert.Equal(stamp.Search, read.Search);
        Assert.Equal(stamp.Inputs, read.Inputs);
        Assert.Equal(stamp.Passages, read.Passages);
        Assert.Equal(stamp.RegionData, read.RegionData);
    }

    [Fact]
    public void A_stamp_cut_short_or_followed_by_more_bytes_reads_as_none()
    {
        var path = _temp["stamp"];
        BinaryFile.Write(path, w => StampBinary.Write(w, Stamp()));
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes[..^1]);
        Assert.Null(BinaryFile.Read(path, StampBinary.Read));
        File.WriteAllBytes(path, [.. bytes, 0]);
        Assert.Null(BinaryFile.Read(path, StampBinary.Read));
        Assert.Null(BinaryFile.Read(_temp["missing"], StampBinary.Read));
    }
}
