using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Archive.Wacz;
using Gongkai.Building;
using Gongkai.Data;

namespace Gongkai.Archive;

/// <summary>
/// Dated, self-contained snapshots of a built site: <c>&lt;date&gt;-&lt;content hash&gt;/</c> holding <c>site.tar.gz</c>
/// (deterministic: sorted entries, fixed times, owners and modes), <c>manifest.json</c> and <c>README.txt</c>.
/// </summary>
public static class Snapshot
{
    /// <summary>The archive's file name in a snapshot folder.</summary>
    public const string ArchiveName = "site.tar.gz";

    /// <summary>Every entry's modification time, so the archive's bytes depend only on the site.</summary>
    private static readonly DateTimeOffset FixedTime = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// Writes a snapshot of the site in <paramref name="site"/> under <paramref name="snapshots"/>; returns its folder.
    /// With <paramref name="wacz"/>, a WACZ package is written too, with the site's files under the URL it gives (or,
    /// when that is null, under the absolute base URL the site was built with).
    /// </summary>
    public static string Create(string site, string snapshots, DateOnly date, bool wacz = false, Uri? siteUrl = null)
    {
        var buildInfoPath = Path.Combine(site, BuildInfo.FileName);
        if (!File.Exists(buildInfoPath))
        {
            throw new InvalidDataException($"{site} has no {BuildInfo.FileName}: is it a site built by gongkai?");
        }

        // A build into the site meanwhile would leave an archive that is not the manifest's: the site's files are read twice.
        using var held = OutputLock.AcquireAsync(site, null, CancellationToken.None).GetAwaiter().GetResult();
        var info = DataJson.Deserialize<BuildInfo>(File.ReadAllText(buildInfoPath))!;
        var publicUrl = wacz ? PublicUrl(info, siteUrl) : null;
        var files = Directory.GetFiles(site, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(site, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        var entries = files.Select(f => new ManifestFile(f.Relative, new FileInfo(f.Full).Length, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.Full))))).ToList();
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(entries.Select(e => $"{e.Path}\n{e.Sha256}\n")))));
        var dateText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var manifest = new SnapshotManifest(dateText, info.Generator, info.Version, info.InputHash, contentHash, entries);

        var folder = Path.Combine(snapshots, $"{dateText}-{contentHash[..12]}");
        Directory.CreateDirectory(folder);
        WriteArchive(files, Path.Combine(folder, ArchiveName));
        File.WriteAllText(Path.Combine(folder, SnapshotManifest.FileName), DataJson.Serialize(manifest));
        File.WriteAllText(Path.Combine(folder, "README.txt"), Readme(manifest, publicUrl));
        if (publicUrl is not null)
        {
            WaczPackage.Write(files, publicUrl, date, $"{info.Generator} {info.Version}", $"Snapshot {dateText}-{contentHash[..12]}", Path.Combine(folder, WaczPackage.FileName));
        }

        return folder;
    }

    // The archive's URLs must be the ones the pages link to: same path as the base URL the site was built with.
    private static Uri PublicUrl(BuildInfo info, Uri? siteUrl)
    {
        var baseUrl = info.BaseUrl ?? "/";
        var built = Uri.TryCreate(baseUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute : null;
        var url = siteUrl ?? built ?? throw new InvalidDataException(
            $"the site was built with base URL \"{baseUrl}\"; a web archive records pages under their public URLs: pass --site-url https://…{baseUrl} or build with a full base URL");
        var builtPath = built?.AbsolutePath ?? baseUrl;
        return url.AbsolutePath == builtPath ? url : throw new InvalidDataException(
            $"--site-url {url} has the path {url.AbsolutePath}, but the site's links start with {builtPath}: give a URL ending in {builtPath} or build with --base-url {url.AbsolutePath}");
    }

    private static void WriteArchive(IEnumerable<(string Relative, string Full)> files, string path)
    {
        using var stream = File.Create(path);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: false);
        foreach (var (relative, full) in files)
        {
            using var content = File.OpenRead(full);
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, relative)
            {
                DataStream = content,
                ModificationTime = FixedTime,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                Uid = 0,
                Gid = 0,
                UserName = "",
                GroupName = "",
            });
        }
    }

    private static string Readme(SnapshotManifest manifest, Uri? publicUrl) => $"""
        Snapshot of a site built by {manifest.Generator} {manifest.Version}
        Date: {manifest.Date}
        Files: {manifest.Files.Count} ({manifest.Files.Sum(f => f.Size)} bytes), in {ArchiveName}
        Content hash (SHA-256 over every path and file hash): {manifest.ContentHash}
        Input hash (SHA-256 over the input tree the site was built from): {manifest.InputHash}

        Every file's size and SHA-256 are in {SnapshotManifest.FileName}. To check this snapshot:
            gongkai verify <this folder>
        or, after unpacking {ArchiveName} into a folder named site/ here, the same command checks the unpacked files.
        {(publicUrl is null ? "" : $"\n{WaczPackage.FileName} is the same site as a web archive (WACZ 1.1.1) with every file under {publicUrl.AbsoluteUri}:\nopen it in ReplayWeb.page or pywb; verify also checks it against its datapackage.json.\n")}
        """.Replace("\r\n", "\n", StringComparison.Ordinal);
}
