using System.Security.Cryptography;
using Gongkai.Archive;

namespace Gongkai.Input;

/// <summary>
/// Every file of an input folder, read once: its bytes for the reader, and its SHA-256 for the build keys and
/// build-info.json, in ordinal path order. Reading it all up front, in parallel, spares a build the second pass and
/// the existence checks it would otherwise make file by file.
/// </summary>
public sealed class InputFiles
{
    private readonly Dictionary<string, byte[]> _bytes;

    private InputFiles(IReadOnlyList<FileHash> hashes, Dictionary<string, byte[]> bytes)
    {
        Hashes = hashes;
        Hash = BuildInfo.TreeHash(hashes);
        _bytes = bytes;
    }

    /// <summary>Each file's relative path (with '/') and hash, in ordinal path order.</summary>
    public IReadOnlyList<FileHash> Hashes { get; }

    /// <summary>The tree hash of the whole input (see <see cref="BuildInfo.TreeHash(IEnumerable{FileHash})"/>).</summary>
    public string Hash { get; }

    /// <summary>Reads every file under <paramref name="root"/>; a folder that does not exist has no files.</summary>
    public static InputFiles Read(string root)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            return new InputFiles([], new Dictionary<string, byte[]>(StringComparer.Ordinal));
        }

        var files = BuildInfo.Files(full)
            .AsParallel().AsOrdered()
            .Select(f => (f.Relative, Bytes: File.ReadAllBytes(f.Full)))
            .Select(f => (f.Relative, f.Bytes, Hash: SHA256.HashData(f.Bytes)))
            .ToList();
        return new InputFiles(
            [.. files.Select(f => new FileHash(f.Relative, f.Hash))],
            files.ToDictionary(f => f.Relative, f => f.Bytes, StringComparer.Ordinal));
    }

    /// <summary>True when the input has a file at <paramref name="relative"/> (with '/').</summary>
    public bool Contains(string relative) => _bytes.ContainsKey(relative);

    /// <summary>The bytes of the file at <paramref name="relative"/>, or null when there is none.</summary>
    public byte[]? Bytes(string relative) => _bytes.GetValueOrDefault(relative);
}
