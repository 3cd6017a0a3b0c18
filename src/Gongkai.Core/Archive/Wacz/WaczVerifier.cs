using System.IO.Compression;
using System.Text.Json;

namespace Gongkai.Archive.Wacz;

/// <summary>Checks a WACZ package against its own <c>datapackage.json</c> (and that file against <c>datapackage-digest.json</c>).</summary>
public static class WaczVerifier
{
    /// <summary>The differences found, each starting with the package's file name; empty when intact.</summary>
    public static IReadOnlyList<string> Verify(string path)
    {
        var name = Path.GetFileName(path);
        var problems = new List<string>();
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var dataPackage = Read(zip, WaczPackage.DataPackage);
            var digest = Read(zip, WaczPackage.DataPackageDigest);
            if (dataPackage is null || digest is null)
            {
                return [$"{name}: {WaczPackage.DataPackage} or {WaczPackage.DataPackageDigest} missing"];
            }

            if (JsonDocument.Parse(digest).RootElement.GetProperty("hash").GetString() != WaczPackage.Sha256(dataPackage))
            {
                problems.Add($"{name}: {WaczPackage.DataPackage} differs from its digest");
            }

            foreach (var resource in JsonDocument.Parse(dataPackage).RootElement.GetProperty("resources").EnumerateArray())
            {
                var part = resource.GetProperty("path").GetString()!;
                var bytes = Read(zip, part);
                if (bytes is null)
                {
                    problems.Add($"{name}: {part} missing");
                }
                else if (bytes.LongLength != resource.GetProperty("bytes").GetInt64() || WaczPackage.Sha256(bytes) != resource.GetProperty("hash").GetString())
                {
                    problems.Add($"{name}: {part} differs from {WaczPackage.DataPackage}");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or KeyNotFoundException or IOException)
        {
            problems.Add($"{name}: not a readable WACZ package ({e.Message})");
        }

        return problems;
    }

    private static byte[]? Read(ZipArchive zip, string path)
    {
        if (zip.GetEntry(path) is not { } entry)
        {
            return null;
        }

        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
