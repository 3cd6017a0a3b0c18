using System.Security.Cryptography;
using System.Text;
using Gongkai.Archive;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Archive;

public sealed class ReproducibilityTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_same_input_gives_the_same_bytes_whatever_the_folder_time_zone_language_and_parallelism()
    {
        var elsewhere = _temp["elsewhere"];
        Directory.CreateDirectory(elsewhere);
        var (first, _) = CliProcess.Run(Repo.Root, new Dictionary<string, string> { ["TZ"] = "UTC", ["LANG"] = "C.UTF-8" },
            "build", "--output", _temp["one"], "--parallelism", "1");
        var (second, _) = CliProcess.Run(elsewhere, new Dictionary<string, string> { ["TZ"] = "Asia/Urumqi", ["LANG"] = "en_US.UTF-8", ["LC_ALL"] = "en_US.UTF-8" },
            "build", "--input", Repo.Input, "--theme", Repo.Theme, "--output", _temp["two"], "--parallelism", "4");

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        var a = OutputTree.Hashes(_temp["one"]);
        var b = OutputTree.Hashes(_temp["two"]);
        Assert.Equal(a.Keys, b.Keys);
        Assert.Equal(a, b);
        Assert.Contains("build-info.json", a.Keys);
    }

    [Fact]
    public void The_input_hash_is_a_hash_of_each_path_with_a_newline_then_its_files_hash_so_old_snapshots_still_check()
    {
        // Enough files to fill the hash's buffer several times over, and a path, in three-byte characters, longer than it.
        var longPath = "regions/a/2024/reports/" + new string('报', 30_000) + ".md";
        FileHash[] files =
        [
            .. Enumerable.Range(0, 3000).Select(i => new FileHash($"regions/r{i:D4}/2024/reports/报告-{i}.md", SHA256.HashData(BitConverter.GetBytes(i)))),
            new(longPath, [1, 2, 3]),
            new("site.json", [0xff]),
        ];

        // A few files fit the buffer (hashed in one call); all of them do not.
        Assert.Equal(Expected(files[..2]), BuildInfo.TreeHash(files[..2]));
        Assert.Equal(Expected(files), BuildInfo.TreeHash(files));

        static string Expected(IEnumerable<FileHash> files)
        {
            var expected = new List<byte>();
            foreach (var f in files)
            {
                expected.AddRange(Encoding.UTF8.GetBytes(f.Relative + "\n"));
                expected.AddRange(f.Hash);
            }

            return Convert.ToHexStringLower(SHA256.HashData([.. expected]));
        }
    }
}
