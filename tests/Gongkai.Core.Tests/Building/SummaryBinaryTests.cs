using Gongkai.Building;
using Gongkai.Validation;

namespace Gongkai.Tests.Building;

/// <summary>The build summary reads back as it was written; one cut short, or of another generator, reads as none.</summary>
public sealed class SummaryBinaryTests : IDisposable
{
    private readonly Support.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static BuildSummary Summary() => new(
        "full-key",
        "listing-key",
        "zh-CN",
        39,
        127,
        1_234_567_890_123,
        [
            new Diagnostic("GK0101", Severity.Warning, new SourceLocation("regions/karamay/2023/reports.json", 12, 7), "分数与等级不符", "等级应为良", "grade"),
            new Diagnostic("GK0202", Severity.Warning, SourceLocation.OfFile("regions/hami/region.json"), "no summary"),
        ],
        ["", "regions", "regions/hami", "regions/karamay/2023/reports/报告-1"],
        "folder-times",
        new Dictionary<string, string> { ["regions/hami"] = "names-1", [""] = "names-2" });

    [Fact]
    public void A_summary_reads_back_as_it_was_written()
    {
        var path = _temp["summary"];
        var summary = Summary();
        BinaryFile.Write(path, w => SummaryBinary.Write(w, summary));

        var read = BinaryFile.Read(path, SummaryBinary.Read)!;

        Assert.Equal(
            (summary.Key, summary.ListingKey, summary.Locale, summary.Pages, summary.Files, summary.Bytes, summary.FolderTimes),
            (read.Key, read.ListingKey, read.Locale, read.Pages, read.Files, read.Bytes, read.FolderTimes));
        Assert.Equal(summary.Warnings, read.Warnings);
        Assert.Equal(summary.Folders, read.Folders);
        Assert.Equal(summary.Racy, read.Racy);
    }

    [Fact]
    public void A_summary_cut_short_or_of_another_generator_reads_as_none()
    {
        var path = _temp["summary"];
        BinaryFile.Write(path, w => SummaryBinary.Write(w, Summary()));
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes[..^1]);
        Assert.Null(BinaryFile.Read(path, SummaryBinary.Read));
        File.WriteAllBytes(path, bytes);
        Support.CacheFile.UnderAnotherGenerator(path);

        Assert.Null(BinaryFile.Read(path, SummaryBinary.Read));
    }
}
