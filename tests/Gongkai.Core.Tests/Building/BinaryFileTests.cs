using Gongkai.Building;

namespace Gongkai.Tests.Building;

/// <summary>A build cache file reads back as written, whatever the size of its pieces, and of the whole.</summary>
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

        Assert.Equal(4L * numbers + block + 4, new FileInfo(path).Length);
        Assert.Equal(Enumerable.Range(0, numbers), read.Numbers);
        Assert.Equal(bytes, read.Bytes);
        Assert.Equal("尾", read.Tail);
    }

    private sealed record Pieces(List<int> Numbers, byte[] Bytes, string Tail);
}
