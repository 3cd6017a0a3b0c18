using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Archive;
using Gongkai.Archive.Wacz;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Archive;

/// <summary>
/// The WACZ package of the sample site, read back independently: the zip, the datapackage hashes, every WARC record
/// (its payload against the built file), the CDXJ offsets and the page list.
/// </summary>
public sealed class WaczTests(SampleSite site) : IClassFixture<SampleSite>, IDisposable
{
    private const string SiteUrl = "https://example.gov.cn/";
    private static readonly DateOnly Date = new(2026, 11, 23);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_datapackage_lists_every_part_with_its_size_and_sha256()
    {
        using var zip = ZipFile.OpenRead(CreateWacz("a"));
        Assert.Equal(["archive/data.warc.gz", "indexes/index.cdxj", "pages/pages.jsonl", "datapackage.json", "datapackage-digest.json"], zip.Entries.Select(e => e.FullName));
        Assert.Equal(CompressedSizeOf(zip, "archive/data.warc.gz"), zip.GetEntry("archive/data.warc.gz")!.Length);

        var dataPackage = Read(zip, "datapackage.json");
        var package = JsonDocument.Parse(dataPackage).RootElement;
        Assert.Equal("1.1.1", package.GetProperty("wacz_version").GetString());
        Assert.Equal(SiteUrl, package.GetProperty("mainPageUrl").GetString());
        var resources = package.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(3, resources.Count);
        foreach (var resource in resources)
        {
            var bytes = Read(zip, resource.GetProperty("path").GetString()!);
            Assert.Equal(resource.GetProperty("bytes").GetInt64(), bytes.LongLength);
            Assert.Equal(resource.GetProperty("hash").GetString(), "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(dataPackage)),
            JsonDocument.Parse(Read(zip, "datapackage-digest.json")).RootElement.GetProperty("hash").GetString());
    }

    [Fact]
    public void Every_file_of_the_site_has_a_response_record_under_its_public_url_with_its_exact_bytes()
    {
        using var zip = ZipFile.OpenRead(CreateWacz("a"));
        var records = ReadRecords(new GZipStream(new MemoryStream(Read(zip, "archive/data.warc.gz")), CompressionMode.Decompress));
        Assert.Equal("warcinfo", records[0].Headers["WARC-Type"]);

        var responses = records.Skip(1).ToDictionary(r => r.Headers["WARC-Target-URI"]);
        var files = SiteFiles();
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), responses.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(SiteUrl + "regions/karamay/2023/", responses.Keys);
        foreach (var (url, file) in files)
        {
            var record = responses[url];
            Assert.Equal("response", record.Headers["WARC-Type"]);
            Assert.Equal("2026-11-23T00:00:00Z", record.Headers["WARC-Date"]);
            var (status, headers, payload) = SplitHttp(record.Block);
            Assert.Equal("HTTP/1.1 200 OK", status);
            Assert.Equal(File.ReadAllBytes(file), payload);
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                Assert.Equal("text/html; charset=utf-8", headers["Content-Type"]);
            }
        }

        Assert.Equal(records.Count, records.Select(r => r.Headers["WARC-Record-ID"]).Distinct().Count());
    }

    [Fact]
    public void Each_cdxj_line_points_at_a_gzip_member_holding_that_urls_record_and_every_page_is_listed()
    {
        using var zip = ZipFile.OpenRead(CreateWacz("a"));
        var warc = Read(zip, "archive/data.warc.gz");
        var lines = Encoding.UTF8.GetString(Read(zip, "indexes/index.cdxj")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Equal(SiteFiles().Count, lines.Length);
        foreach (var line in lines)
        {
            var parts = line.Split(' ', 3);
            Assert.Equal("20261123000000", parts[1]);
            var fields = JsonDocument.Parse(parts[2]).RootElement;
            var offset = int.Parse(fields.GetProperty("offset").GetString()!);
            var length = int.Parse(fields.GetProperty("length").GetString()!);
            var member = new GZipStream(new MemoryStream(warc, offset, length), CompressionMode.Decompress);
            var record = Assert.Single(ReadRecords(member));
            Assert.Equal(fields.GetProperty("url").GetString(), record.Headers["WARC-Target-URI"]);
            Assert.StartsWith(parts[0], Surt.Of(new Uri(record.Headers["WARC-Target-URI"])));
        }

        Assert.Contains(lines, l => l.StartsWith("cn,gov,example)/regions/karamay/2023/ ", StringComparison.Ordinal));
        var pages = Encoding.UTF8.GetString(Read(zip, "pages/pages.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("url").GetString()).ToHashSet();
        Assert.All(SiteFiles().Where(f => f.Value.EndsWith(".html", StringComparison.Ordinal)), f => Assert.Contains(f.Key, pages));
    }

    [Fact]
    public async Task An_independent_warc_reader_indexes_the_same_records_at_the_same_offsets()
    {
        var warcio = Path.Combine(Repo.Root, "tests/tools/node_modules/.bin/warcio");
        Assert.True(File.Exists(warcio), $"{warcio} is missing: run (cd tests/tools && npm install) — tests/run does");
        using var zip = ZipFile.OpenRead(CreateWacz("a"));
        var warc = _temp.Write("data.warc.gz", "");
        File.WriteAllBytes(warc, Read(zip, "archive/data.warc.gz"));

        var start = new System.Diagnostics.ProcessStartInfo(warcio, ["cdx-index", warc]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var theirs = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);

        // warcio writes the digest without its "sha256:" label; everything else must match line for line.
        var ours = Encoding.UTF8.GetString(Read(zip, "indexes/index.cdxj")).Replace("\"digest\":\"sha256:", "\"digest\":\"", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.Equal(ours, theirs);
    }

    [Fact]
    public void The_same_site_and_date_give_the_same_package_and_verify_catches_a_changed_record()
    {
        var a = CreateWacz("a");
        var b = CreateWacz("b");
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Empty(SnapshotVerifier.Verify(Path.GetDirectoryName(a)!));

        // Change one byte inside the WARC, as bit rot or tampering would, and store the package again.
        using (var zip = ZipFile.Open(b, ZipArchiveMode.Update))
        {
            var warc = Read(zip, "archive/data.warc.gz");
            warc[warc.Length / 2] ^= 1;
            zip.GetEntry("archive/data.warc.gz")!.Delete();
            using var stream = zip.CreateEntry("archive/data.warc.gz", CompressionLevel.NoCompression).Open();
            stream.Write(warc);
        }

        var problem = Assert.Single(SnapshotVerifier.Verify(Path.GetDirectoryName(b)!));
        Assert.Equal("site.wacz: archive/data.warc.gz differs from datapackage.json", problem);
    }

    [Fact]
    public void A_site_url_whose_path_differs_from_the_built_links_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => Snapshot.Create(site.Output, _temp["x"], Date, wacz: true, new Uri("https://example.gov.cn/disclosures/")));
        Assert.Contains("the site's links start with /", e.Message);
        e = Assert.Throws<InvalidDataException>(() => Snapshot.Create(site.Output, _temp["y"], Date, wacz: true));
        Assert.Contains("pass --site-url", e.Message);
    }

    private string CreateWacz(string name) =>
        Path.Combine(Snapshot.Create(site.Output, _temp[name], Date, wacz: true, new Uri(SiteUrl)), WaczPackage.FileName);

    // Public URL → built file; a folder's index.html is published at the folder's URL.
    private Dictionary<string, string> SiteFiles() =>
        Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories).ToDictionary(
            f =>
            {
                var relative = Path.GetRelativePath(site.Output, f).Replace('\\', '/');
                return SiteUrl + (Path.GetFileName(relative) == "index.html" ? relative[..^"index.html".Length] : relative);
            },
            f => f);

    private static long CompressedSizeOf(ZipArchive zip, string name) => zip.GetEntry(name)!.CompressedLength;

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed record Record(Dictionary<string, string> Headers, byte[] Block);

    private static List<Record> ReadRecords(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var records = new List<Record>();
        var position = 0;
        while (position < bytes.Length)
        {
            var end = IndexOf(bytes, "\r\n\r\n"u8, position);
            var head = Encoding.UTF8.GetString(bytes, position, end - position).Split("\r\n");
            Assert.Equal("WARC/1.1", head[0]);
            var headers = head.Skip(1).Select(h => h.Split(": ", 2)).ToDictionary(h => h[0], h => h[1]);
            var length = int.Parse(headers["Content-Length"]);
            records.Add(new Record(headers, bytes[(end + 4)..(end + 4 + length)]));
            position = end + 4 + length;
            Assert.Equal("\r\n\r\n"u8.ToArray(), bytes[position..(position + 4)]);
            position += 4;
        }

        return records;
    }

    private static (string Status, Dictionary<string, string> Headers, byte[] Payload) SplitHttp(byte[] block)
    {
        var end = IndexOf(block, "\r\n\r\n"u8, 0);
        var head = Encoding.ASCII.GetString(block, 0, end).Split("\r\n");
        var headers = head.Skip(1).Select(h => h.Split(": ", 2)).ToDictionary(h => h[0], h => h[1]);
        var payload = block[(end + 4)..];
        Assert.Equal(payload.Length, int.Parse(headers["Content-Length"]));
        return (head[0], headers, payload);
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value, int start)
    {
        var index = bytes.AsSpan(start).IndexOf(value);
        Assert.True(index >= 0, "record header not terminated");
        return start + index;
    }
}
