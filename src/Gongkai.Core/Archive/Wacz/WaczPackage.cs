using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Serving;

namespace Gongkai.Archive.Wacz;

/// <summary>
/// A WACZ 1.1.1 web-archive package of a built site, as replay tools (ReplayWeb.page, pywb) open it: every file as a
/// WARC response record under its public URL (<c>archive/data.warc.gz</c>), a CDXJ index of those records, the list of
/// HTML pages, and <c>datapackage.json</c> with each file's SHA-256. Entries, times and ids are fixed by the site and
/// the date, so the same site and date give the same bytes.
/// </summary>
public static partial class WaczPackage
{
    /// <summary>The package's file name in a snapshot folder.</summary>
    public const string FileName = "site.wacz";

    /// <summary>The paths of the package's parts.</summary>
    public const string Warc = "archive/data.warc.gz", Index = "indexes/index.cdxj", Pages = "pages/pages.jsonl", DataPackage = "datapackage.json",
        DataPackageDigest = "datapackage-digest.json";

    // ZIP cannot store times before 1980.
    private static readonly DateTimeOffset ZipTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes the package of the site's <paramref name="files"/> (relative path, full path; sorted) to <paramref name="path"/>;
    /// <paramref name="siteUrl"/> is the absolute URL the site is published at (ending in '/').
    /// </summary>
    public static void Write(IReadOnlyList<(string Relative, string Full)> files, Uri siteUrl, DateOnly date, string software, string title, string path)
    {
        var when = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var timestamp = when.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var isoDate = when.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        using var warc = new MemoryStream();
        var writer = new WarcWriter(warc, Path.GetFileName(Warc), when);
        writer.WriteInfo(software);
        var index = new List<string>();
        var pages = new List<string> { DataJson.Serialize(new PagesHeader("json-pages-1.0", "pages", "All Pages"), DataJson.OneLine) };
        foreach (var (relative, full) in files)
        {
            var url = new Uri(siteUrl, UrlPathOf(relative));
            var payload = File.ReadAllBytes(full);
            var type = SiteFiles.ContentType(full);
            var position = writer.WriteResponse(url.AbsoluteUri, type, payload);
            index.Add($"{Surt.Of(url)} {timestamp} " + DataJson.Serialize(new CdxjFields(url.AbsoluteUri, type.Split(';')[0], "200",
                WarcWriter.Digest(payload), position.Length.ToString(CultureInfo.InvariantCulture),
                position.Offset.ToString(CultureInfo.InvariantCulture), Path.GetFileName(Warc)), DataJson.OneLine));
            if (type.StartsWith("text/html", StringComparison.Ordinal))
            {
                pages.Add(DataJson.Serialize(new PageLine(Id(url), url.AbsoluteUri, isoDate, TitleOf(payload)), DataJson.OneLine));
            }
        }

        index.Sort(StringComparer.Ordinal);
        var parts = new List<(string Path, byte[] Bytes)>
        {
            (Warc, warc.ToArray()),
            (Index, Encoding.UTF8.GetBytes(string.Concat(index.Select(l => l + "\n")))),
            (Pages, Encoding.UTF8.GetBytes(string.Concat(pages.Select(l => l + "\n")))),
        };
        var dataPackage = Encoding.UTF8.GetBytes(DataJson.Serialize(new DataPackageJson(
            "data-package", "1.1.1", title, isoDate, software, new Uri(siteUrl, "").AbsoluteUri, isoDate,
            [.. parts.Select(p => new Resource(Path.GetFileName(p.Path), p.Path, Sha256(p.Bytes), p.Bytes.LongLength))])));
        parts.Add((DataPackage, dataPackage));
        parts.Add((DataPackageDigest, Encoding.UTF8.GetBytes(DataJson.Serialize(new DigestJson(DataPackage, Sha256(dataPackage))))));

        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        foreach (var (name, bytes) in parts)
        {
            // The WARC is stored, not deflated, so replay tools can read records at their offsets without unpacking.
            var entry = zip.CreateEntry(name, name == Warc ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
            entry.LastWriteTime = ZipTime;
            using var stream = entry.Open();
            stream.Write(bytes);
        }
    }

    /// <summary>A hash as datapackage.json writes it: <c>sha256:</c> and lower-case hex.</summary>
    public static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    // A folder's index.html is published at the folder's URL.
    private static string UrlPathOf(string relative) =>
        relative == "index.html" ? "" : relative.EndsWith("/index.html", StringComparison.Ordinal) ? relative[..^"index.html".Length] : relative;

    private static string Id(Uri url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)), 0, 16);

    private static string? TitleOf(byte[] html) =>
        TitlePattern().Match(Encoding.UTF8.GetString(html)) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : null;

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    internal sealed record CdxjFields(string Url, string Mime, string Status, string Digest, string Length, string Offset, string Filename);

    internal sealed record PagesHeader(string Format, string Id, string Title);

    internal sealed record PageLine(string Id, string Url, string Ts, string? Title);

    internal sealed record Resource(string Name, string Path, string Hash, long Bytes);

    internal sealed record DigestJson(string Path, string Hash);

    internal sealed record DataPackageJson(
        string Profile,
        [property: JsonPropertyName("wacz_version")] string WaczVersion,
        string Title,
        string Created,
        string Software,
        string MainPageUrl,
        string MainPageDate,
        IReadOnlyList<Resource> Resources);
}
