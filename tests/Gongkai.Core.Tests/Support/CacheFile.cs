using Gongkai.Building;

namespace Gongkai.Tests.Support;

/// <summary>Build cache files (<see cref="BinaryFile"/>) as another generator would have left them.</summary>
public static class CacheFile
{
    /// <summary>
    /// Writes the file at <paramref name="path"/> again with the same fields under another generator's name, with a
    /// checksum that matches: only the generator check can tell it apart.
    /// </summary>
    public static void UnderAnotherGenerator(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // The generator's name (one byte of length, ASCII) first, the checksum last.
        BinaryFile.Write(path, other =>
        {
            other.Write(BuildKeys.Generator.Replace('.', '-'));
            other.Write(bytes[(BuildKeys.Generator.Length + 1)..^sizeof(ulong)]);
        });
    }
}
