using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Tests.Support;

/// <summary>Scans every byte of every file in a folder for canary strings, decompressing gzip files first.</summary>
public static class CanaryScanner
{
    /// <summary>"file: canary" for every canary found, case-insensitively.</summary>
    public static IReadOnlyList<string> Find(string root, IEnumerable<string> canaries)
    {
        var wanted = canaries.Select(c => c.ToLowerInvariant()).ToList();
        var hits = new List<string>();
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file);
            var text = WithoutZeroWidth(Decode(File.ReadAllBytes(file)) + "\n" + relative).ToLowerInvariant();
            hits.AddRange(wanted.Where(c => text.Contains(c, StringComparison.Ordinal)).Select(c => $"{relative}: {c}"));
        }

        return hits;
    }

    // Pagefind separates the Chinese words it segments with zero-width spaces; a canary must be found across them.
    private static string WithoutZeroWidth(string text) =>
        Regex.Replace(text, "[\u200B\u200C\u200D\u2060\uFEFF]", "");

    // The bytes as UTF-8 text, plus the decompressed text of gzip data, plus both with \uXXXX escapes decoded.
    private static string Decode(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            text += "\n" + Encoding.UTF8.GetString(buffer.ToArray());
        }

        return text + "\n" + Regex.Replace(text, @"\\u([0-9a-fA-F]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
    }
}
