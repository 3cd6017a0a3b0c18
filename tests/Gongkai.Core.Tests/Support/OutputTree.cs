using System.Security.Cryptography;

namespace Gongkai.Tests.Support;

/// <summary>Reads a built output folder for assertions.</summary>
public static class OutputTree
{
    /// <summary>Every file's relative path (with '/') and SHA-256, sorted by path.</summary>
    public static SortedDictionary<string, string> Hashes(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(root, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return result;
    }
}
