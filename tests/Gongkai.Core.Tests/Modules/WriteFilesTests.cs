using System.Text;
using Gongkai.Modules;
using Gongkai.Pipelines;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Modules;

public sealed class WriteFilesTests
{
    private static Task<EngineResult> Write(string output, params Document[] documents) =>
        new Engine([new Pipeline("P", new CreateDocuments("test", _ => documents), new WriteFiles())], 2).RunAsync(output);

    [Fact]
    public async Task A_page_longer_than_the_write_buffer_is_written_whole_in_UTF8()
    {
        // 64 KiB of bytes is the buffer: put a two-unit character (4 UTF-8 bytes) across its edge, and Chinese text around it.
        var content = new string('a', 65534) + "😀" + string.Concat(Enumerable.Repeat("预算绩效评价报告", 20000)) + "😀";
        using var output = new TempFolder();

        var result = await Write(output.Path, new Document("catalogue/index.html") { Content = content });

        var bytes = await File.ReadAllBytesAsync(output["catalogue/index.html"]);
        Assert.Equal(Encoding.UTF8.GetBytes(content), bytes);
        Assert.Equal(bytes.LongLength, result.Outputs["P"][0].Written);
        Assert.Null(result.Outputs["P"][0].Content);
    }

    [Fact]
    public async Task Bytes_made_as_UTF8_are_written_as_they_are_and_dropped()
    {
        byte[] bytes = [.. "{\"名称\": 1}\n"u8, 0xEF, 0xBB, 0xBF];
        using var output = new TempFolder();

        // A slice of a larger buffer, as a serializer's stream leaves it: only the slice is written.
        var result = await Write(output.Path, new Document("data/x.json") { Utf8 = new ReadOnlyMemory<byte>([.. bytes, 0, 0, 0], 0, bytes.Length) });

        Assert.Equal(bytes, await File.ReadAllBytesAsync(output["data/x.json"]));
        Assert.Equal(bytes.LongLength, result.Outputs["P"][0].Written);
        Assert.Null(result.Outputs["P"][0].Utf8);
    }

    [Fact]
    public async Task A_copied_file_counts_its_bytes()
    {
        using var folder = new TempFolder();
        var source = folder.Write("in/report.pdf", "%PDF-1.7 预算");

        var result = await Write(folder["out"], new Document("r/report.pdf") { CopyFrom = source });

        Assert.Equal(await File.ReadAllBytesAsync(source), await File.ReadAllBytesAsync(folder["out/r/report.pdf"]));
        Assert.Equal(new FileInfo(source).Length, result.Outputs["P"][0].Written);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_documents_with_one_destination_fail_instead_of_overwriting(bool asUtf8)
    {
        using var output = new TempFolder();
        Document Page(string text) => asUtf8 ? new("a/index.html") { Utf8 = Encoding.UTF8.GetBytes(text) } : new("a/index.html") { Content = text };

        var error = await Assert.ThrowsAsync<PipelineException>(() => Write(output.Path, Page("one"), Page("two")));

        Assert.IsType<IOException>(error.InnerException);
        Assert.Contains(File.ReadAllText(output["a/index.html"]), new[] { "one", "two" });
    }
}
