using System.Security.Cryptography;
using Gongkai.Building;
using Gongkai.Input;

namespace Gongkai.Tests.Building;

/// <summary>The build stamp reads back as it was written; one cut short, with bytes after it or of another generator reads as none.</summary>
public sealed class StampBinaryTests : IDisposable
{
    private readonly Support.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static BuildStamp Stamp() => new(
        "full-key",
        "site-key",
        new Dictionary<string, string> { ["regions/karamay"] = "k1", ["regions/hami"] = "k2" },
        new Dictionary<string, string?>
        {
            ["index.html"] = null, ["regions/karamay/index.html"] = "regions/karamay", ["regions/hami/index.html"] = "regions/hami",
            ["regions/karamay/2023/index.html"] = "regions/karamay",
        },
        new Dictionary<string, string> { ["pagefind"] = "s1" },
        new Dictionary<string, InputStat> { ["site.json"] = new(123, 638_000_000_000_000_000, SHA256.HashData("{}"u8)) },
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
    public void A_stamp_larger_than_the_buffers_reads_back_as_it_was_written()
    {
        // Several buffers' worth of outputs, their scopes in runs as a site's files come (each its own string, as equal
        // scopes need not be the same object), and a key longer than a buffer.
        var outputs = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < 6_000; i++)
        {
            outputs[$"regions/r{i / 100:D3}/reports/report-{i:D4}/index.html"] = i % 7 == 0 ? null : string.Concat("regions/r", (i / 100 % 13).ToString("D3"));
        }

        var stamp = Stamp() with { Key = new string('k', 100_000), Outputs = outputs };
        var path = _temp["stamp"];
        BinaryFile.Write(path, w => StampBinary.Write(w, stamp));

        var read = BinaryFile.Read(path, StampBinary.Read)!;

        Assert.True(new FileInfo(path).Length > 4 * 65_536);
        Assert.Equal(stamp.Key, read.Key);
        Assert.Equal(stamp.Outputs, read.Outputs);
        Assert.Equal(stamp.Inputs, read.Inputs);
    }

    [Fact]
    public void A_stamp_of_the_files_read_back_writes_them_as_they_were()
    {
        // As after an edit of report text: the new stamp has other keys and the last build's files.
        var path = _temp["stamp"];
        BinaryFile.Write(path, w => StampBinary.Write(w, Stamp()));
        var read = BinaryFile.Read(path, StampBinary.Read)!;
        var again = _temp["again"];
        BinaryFile.Write(again, w => StampBinary.Write(w, read with { Key = "next-key" }));

        var next = BinaryFile.Read(again, StampBinary.Read)!;

        Assert.Equal("next-key", next.Key);
        Assert.Equal(Stamp().Outputs.Count, next.Outputs.Count);
        Assert.Equal(Stamp().Outputs, next.Outputs);
        Assert.Equal("regions/karamay", next.Outputs["regions/karamay/2023/index.html"]);
        Assert.True(next.Outputs.TryGetValue("index.html", out var siteWide) && siteWide is null);
        Assert.False(next.Outputs.ContainsKey("regions/turpan/index.html"));
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

    [Fact]
    public void A_stamp_another_generator_wrote_reads_as_none_before_its_fields_are_read()
    {
        var path = _temp["stamp"];
        BinaryFile.Write(path, w => StampBinary.Write(w, Stamp()));
        // The same fields under another generator's name; then a count no stamp has (as another layout may give).
        Support.CacheFile.UnderAnotherGenerator(path);

        Assert.Null(BinaryFile.Read(path, StampBinary.Read));
        BinaryFile.Write(path, other =>
        {
            other.Write("0.1.0 " + Guid.Empty);
            other.Write(-1);
        });

        Assert.Null(BinaryFile.Read(path, StampBinary.Read));
    }
}
