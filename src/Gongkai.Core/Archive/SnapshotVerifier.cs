using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Gongkai.Archive.Wacz;
using Gongkai.Data;

namespace Gongkai.Archive;

/// <summary>
/// Checks a snapshot against its manifest: the archive, or the files unpacked into <c>site/</c> beside it; and a WACZ
/// package in the folder against its own hashes.
/// </summary>
public static class SnapshotVerifier
{
    /// <summary>
    /// The differences found (empty when the snapshot is intact). <paramref name="path"/> is a snapshot folder or its
    /// <c>site.tar.gz</c>; when the folder has an unpacked <c>site/</c>, those files are checked instead of the archive.
    /// </summary>
    public static IReadOnlyList<string> Verify(string path)
    {
        var folder = File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : path;
        var manifestPath = Path.Combine(folder, SnapshotManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            return [$"{manifestPath}: manifest missing"];
        }

        var manifest = DataJson.Deserialize<SnapshotManifest>(File.ReadAllText(manifestPath))!;
        var unpacked = Path.Combine(folder, "site");
        var actual = !File.Exists(path) && Directory.Exists(unpacked) ? HashFolder(unpacked) : HashArchive(Path.Combine(folder, Snapshot.ArchiveName));

        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            if (!actual.TryGetValue(file.Path, out var found))
            {
                problems.Add($"{file.Path}: missing");
            }
            else if (found.Size != file.Size || found.Sha256 != file.Sha256)
            {
                problems.Add($"{file.Path}: differs (manifest {file.Size} bytes {file.Sha256[..12]}…, found {found.Size} bytes {found.Sha256[..12]}…)");
            }
        }

        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(actual.Keys.Where(k => !listed.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{k}: not in the manifest"));
        var wacz = Path.Combine(folder, WaczPackage.FileName);
        if (File.Exists(wacz))
        {
            problems.AddRange(WaczVerifier.Verify(wacz));
        }

        return problems;
    }

    private static Dictionary<string, (long Size, string Sha256)> HashFolder(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => (new FileInfo(f).Length, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);

    private static Dictionary<string, (long Size, string Sha256)> HashArchive(string archive)
    {
        var result = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            using var buffer = new MemoryStream();
            entry.DataStream?.CopyTo(buffer);
            result[entry.Name] = (buffer.Length, Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray())));
        }

        return result;
    }
}
