using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Gongkai.Archive;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Archive;

public sealed class SnapshotTests(SampleSite site) : IClassFixture<SampleSite>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_snapshot_verifies_and_its_manifest_lists_every_file_with_size_and_hash()
    {
        var folder = Snapshot.Create(site.Output, _temp["snapshots"], new DateOnly(2026, 11, 23));

        Assert.Matches(@"2026-11-23-[0-9a-f]{12}$", folder);
        Assert.Empty(SnapshotVerifier.Verify(folder));
        Assert.Empty(SnapshotVerifier.Verify(Path.Combine(folder, Snapshot.ArchiveName)));
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json"))).RootElement;
        Assert.Equal(Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories).Length, manifest.GetProperty("files").GetArrayLength());
        Assert.Equal(BuildInfo.TreeHash(Repo.Input), manifest.GetProperty("inputHash").GetString());
        Assert.Contains("gongkai verify", File.ReadAllText(Path.Combine(folder, "README.txt")));
    }

    [Fact]
    public void Flipping_one_byte_in_the_unpacked_snapshot_fails_verify_and_names_the_file()
    {
        var folder = Snapshot.Create(site.Output, _temp["snapshots"], new DateOnly(2026, 11, 23));
        var unpacked = Path.Combine(folder, "site");
        Directory.CreateDirectory(unpacked);
        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(folder, Snapshot.ArchiveName)), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, unpacked, overwriteFiles: false);
        }

        Assert.Empty(SnapshotVerifier.Verify(folder));
        var target = Path.Combine(unpacked, "regions", "karamay", "2023", "index.json");
        var bytes = File.ReadAllBytes(target);
        bytes[10] ^= 1;
        File.WriteAllBytes(target, bytes);

        var problem = Assert.Single(SnapshotVerifier.Verify(folder));
        Assert.StartsWith("regions/karamay/2023/index.json: differs", problem);
    }

    [Fact]
    public void Snapshotting_the_same_site_twice_gives_the_same_archive_bytes()
    {
        var a = Snapshot.Create(site.Output, _temp["a"], new DateOnly(2026, 11, 23));
        var b = Snapshot.Create(site.Output, _temp["b"], new DateOnly(2026, 11, 23));

        Assert.Equal(Path.GetFileName(a), Path.GetFileName(b));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, Snapshot.ArchiveName)), File.ReadAllBytes(Path.Combine(b, Snapshot.ArchiveName)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "manifest.json")), File.ReadAllBytes(Path.Combine(b, "manifest.json")));
    }

    [Fact]
    public void The_cli_snapshots_and_verifies()
    {
        var (snapshotCode, snapshotOutput) = CliProcess.Run(Repo.Root, new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1763856000" },
            "snapshot", "--output", site.Output, "--to", _temp["cli"]);
        Assert.Equal(0, snapshotCode);
        Assert.Contains("2025-11-23-", snapshotOutput);

        var folder = Directory.GetDirectories(_temp["cli"]).Single();
        var (verifyCode, verifyOutput) = CliProcess.Run(Repo.Root, "verify", folder);
        Assert.Equal(0, verifyCode);
        Assert.Contains("Snapshot verified", verifyOutput);
    }
}
