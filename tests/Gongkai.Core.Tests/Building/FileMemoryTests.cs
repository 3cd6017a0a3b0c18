using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

/// <summary>A value kept for a file is given back only while the file keeps the size and time it had.</summary>
public sealed class FileMemoryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_kept_value_is_read_again_once_the_file_changed_in_size_or_time_or_is_gone()
    {
        var path = _temp.Write("summary.json", "一");
        var memory = new FileMemory<string>();
        var reads = 0;
        string? Read()
        {
            reads++;
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }

        memory.Wrote(path, "kept");
        Assert.Equal("kept", memory.Read(path, Read));
        Assert.Equal(0, reads);

        File.WriteAllText(path, "二二");
        Assert.Equal("二二", memory.Read(path, Read));
        Assert.Equal("二二", memory.Read(path, Read));
        Assert.Equal(1, reads);

        var time = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, "三三");
        File.SetLastWriteTimeUtc(path, time.AddSeconds(-5));
        Assert.Equal("三三", memory.Read(path, Read));

        File.Delete(path);
        Assert.Null(memory.Read(path, Read));
        memory.Forget();
        File.WriteAllText(path, "四");
        Assert.Equal("四", memory.Read(path, Read));
        Assert.Equal(4, reads);
    }
}
