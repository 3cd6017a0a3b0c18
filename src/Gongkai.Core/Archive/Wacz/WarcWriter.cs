using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Archive.Wacz;

/// <summary>Where a record sits in the WARC file: the offset and length of its own gzip member.</summary>
public sealed record WarcRecordPosition(long Offset, long Length);

/// <summary>
/// Writes a WARC 1.1 file of gzip members, one per record (so each record can be read on its own from its offset), as
/// replay tools expect. Record ids and dates come from the content and the given date, so the same site gives the same bytes.
/// </summary>
public sealed class WarcWriter(Stream output, string fileName, DateTimeOffset date)
{
    private readonly string _date = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The <c>warcinfo</c> record that opens the file.</summary>
    public WarcRecordPosition WriteInfo(string software)
    {
        var block = Encoding.UTF8.GetBytes($"software: {software}\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n");
        return Write(
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", RecordId("warcinfo", fileName)),
            ("WARC-Date", _date),
            ("WARC-Filename", fileName),
            ("Content-Type", "application/warc-fields"),
        ], block);
    }

    /// <summary>A <c>response</c> record: the HTTP response a static host gives for <paramref name="url"/>.</summary>
    public WarcRecordPosition WriteResponse(string url, string contentType, byte[] payload)
    {
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {payload.Length}\r\n\r\n");
        var block = new byte[head.Length + payload.Length];
        head.CopyTo(block, 0);
        payload.CopyTo(block, head.Length);
        return Write(
        [
            ("WARC-Type", "response"),
            ("WARC-Record-ID", RecordId("response", url)),
            ("WARC-Date", _date),
            ("WARC-Target-URI", url),
            ("Content-Type", "application/http; msgtype=response"),
            ("WARC-Payload-Digest", Digest(payload)),
            ("WARC-Block-Digest", Digest(block)),
        ], block);
    }

    /// <summary>A digest as WARC and CDXJ write it: <c>sha256:</c> and the base32 (RFC 4648) hash.</summary>
    public static string Digest(byte[] bytes) => "sha256:" + Base32(SHA256.HashData(bytes));

    private WarcRecordPosition Write(IEnumerable<(string Name, string Value)> headers, byte[] block)
    {
        var text = new StringBuilder("WARC/1.1\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        text.Append("Content-Length: ").Append(block.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var offset = output.Position;
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text.ToString()));
            gzip.Write(block);
            gzip.Write("\r\n\r\n"u8);
        }

        return new WarcRecordPosition(offset, output.Position - offset);
    }

    // A name-based UUID (version 8, from SHA-256) of what the record is, so ids are stable across snapshots of the same site.
    private static string RecordId(string type, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{type} {name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash, 0, 16);
        return $"<urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}>";
    }

    private static string Base32(byte[] bytes)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }

        // RFC 4648 pads to a multiple of 8 characters.
        return text.Append('=', (8 - text.Length % 8) % 8).ToString();
    }
}
