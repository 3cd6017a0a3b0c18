using System.Text;
using Gongkai.Building;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

public sealed class PosixFilesTests : IDisposable
{
    // Where the C library is used (Linux here), and where it is not (the caller reads with .NET instead).
    private static readonly bool Native = OperatingSystem.IsLinux();
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void One_read_brings_the_start_of_a_file_and_tells_when_it_is_shorter_than_the_buffer()
    {
        var path = _temp.Write("report.md", "预算绩效");
        var buffer = new byte[20];

        var read = PosixFiles.Read(path, buffer);

        Assert.Equal(Native ? 12 : -1, read);
        if (Native)
        {
            Assert.Equal("预算绩效", Encoding.UTF8.GetString(buffer, 0, read));
        }
    }

    [Fact]
    public void A_file_that_is_not_there_or_a_folder_is_not_read()
    {
        Assert.Equal(-1, PosixFiles.Read(_temp["missing.md"], new byte[8]));
        Assert.Equal(-1, PosixFiles.Read(_temp.Path, new byte[8]));
    }

    [Theory]
    [InlineData("<p>公开</p>")]
    [InlineData("")]
    public void A_new_file_is_written_with_exactly_the_bytes(string text)
    {
        var path = _temp["page.html"];

        Assert.Equal(Native, PosixFiles.TryWriteNew(path, Encoding.UTF8.GetBytes(text)));

        Assert.Equal(Native, File.Exists(path));
        if (Native)
        {
            Assert.Equal(text, File.ReadAllText(path));
        }
    }

    [Fact]
    public void A_file_that_exists_is_left_as_it_is_and_a_missing_folder_is_not_made()
    {
        var existing = _temp.Write("a/index.html", "one");

        Assert.False(PosixFiles.TryWriteNew(existing, "two"u8));
        Assert.False(PosixFiles.TryWriteNew(_temp["b/index.html"], "two"u8));

        Assert.Equal("one", File.ReadAllText(existing));
        Assert.False(Directory.Exists(_temp["b"]));
    }
}
