using Gongkai.Building;

namespace Gongkai.Tests.Building;

/// <summary>
/// A build cache file reads back as written, whatever the size of its pieces, and of the whole; a damaged one, or one
/// whose writing failed, reads as none.
/// </summary>
public sealed class BinaryFileTests : IDisposable
{
    private readonly Support.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(10, 100)]
    [InlineData(5_000, 200_000)]
    public void Pieces_smaller_and_larger_than_the_buffer_read_back_in_order(int numbers, int block)
    {
        var path = _temp["file"];
        var bytes = Enumerable.Range(0, block).Select(i => (byte)(i * 7)).ToArray();
        BinaryFile.Write(path, w =>
        {
            for (var i = 0; i < numbers; i++)
            {
                w.Write(i);
            }

            w.Write(bytes);
            w.Write("尾");
        });

        var read = BinaryFile.Read(path, r => new Pieces([.. Enumerable.Range(0, numbers).Select(_ => r.ReadInt32())], r.ReadBytes(block), r.ReadString()))!;

        Assert.Equal(4L * numbers + block + 4 + sizeof(ulong), new FileInfo(path).Length);
        Assert.Equal(Enumerable.Range(0, numbers), read.Numbers);
        Assert.Equal(bytes, read.Bytes);
        Assert.Equal("尾", read.Tail);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20_000)]
    public void A_file_with_any_one_byte_changed_reads_as_none(int numbers)
    {
        var path = _temp["file"];
        BinaryFile.Write(path, w =>
        {
            for (var i = 0; i < numbers; i++)
            {
                w.Write(i);
            }
        });
        var written = File.ReadAllBytes(path);
        var read = (byte[] bytes) =>
        {
            File.WriteAllBytes(path, bytes);
            return BinaryFile.Read(path, r => Enumerable.Range(0, numbers).Select(_ => r.ReadInt32()).ToList());
        };

        Assert.Equal(Enumerable.Range(0, numbers), read(written)!);
        // Every byte of a small file; spread over a large one (read through a pooled array) and its last bytes.
        var step = Math.Max(1, written.Length / 97);
        foreach (var at in Enumerable.Range(0, written.Length).Where(i => i % step == 0 || i >= written.Length - 9))
        {
            var damaged = (byte[])written.Clone();
            damaged[at] ^= 0x10;
            Assert.True(read(damaged) is null, $"byte {at} of {written.Length} changed, and the file still read");
        }
    }

    [Fact]
    public void A_file_whose_writing_failed_reads_as_none()
    {
        var path = _temp["file"];

        Assert.Throws<InvalidOperationException>(() => BinaryFile.Write(path, w =>
        {
            w.Write(42);
            throw new InvalidOperationException("stopped");
        }));

        Assert.True(File.Exists(path));
        Assert.Null(BinaryFile.Read(path, r => (object)r.ReadInt32()));
    }

    private sealed record Pieces(List<int> Numbers, byte[] Bytes, string Tail);
}
