using System.IO.Enumeration;
using System.Reflection;
using System.Security.Cryptography;

namespace Gongkai.Archive;

/// <summary>
/// What made a site, written to <c>build-info.json</c>: the generator and its version, and a hash of the whole input
/// tree (paths and contents), so a snapshot can prove which input it was built from, and the base URL its links start
/// with (a web archive needs the public URLs). No dates: the same input gives the same file.
/// </summary>
public sealed record BuildInfo(string Generator, string Version, string InputHash, string? BaseUrl = null)
{
    /// <summary>The file name in the output.</summary>
    public const string FileName = "build-info.json";

    /// <summary>The build info of an input tree (its <see cref="TreeHash"/>) built by this version of the generator with <paramref name="baseUrl"/>.</summary>
    public static BuildInfo For(string inputHash, string baseUrl) => new("gongkai", GeneratorVersion, inputHash, baseUrl);

    /// <summary>This generator's version (with the source revision when the build knows it).</summary>
    public static string GeneratorVersion { get; } =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// SHA-256 over every file's relative path (with '/') and bytes, in ordinal path order; files under a folder named
    /// <paramref name="skipFolder"/> are left out.
    /// </summary>
    public static string TreeHash(string root, string? skipFolder = null) => TreeHash(FileHashes(root, skipFolder));

    /// <summary>The tree hash of files already hashed by <see cref="FileHashes"/> (or a subset of them, in the same order).</summary>
    public static string TreeHash(IEnumerable<FileHash> files)
    {
        using var hash = new LineHash();
        foreach (var (relative, fileHash) in files)
        {
            hash.Append(relative);
            hash.Append((byte)'\n');
            hash.Append(fileHash);
        }

        return hash.Finish();
    }

    /// <summary>
    /// The SHA-256 of every file under <paramref name="root"/> (except under <paramref name="skipFolder"/>), in ordinal
    /// path order. One file after another: a build hashes its theme (27 files) while the pool's threads check its output,
    /// and spread over them it waited 2 ms for one to be free.
    /// </summary>
    public static IReadOnlyList<FileHash> FileHashes(string root, string? skipFolder = null) =>
        [.. Files(root, skipFolder).Select(f => new FileHash(f.Relative, SHA256.HashData(File.ReadAllBytes(f.Full))))];

    /// <summary>
    /// Every file under <paramref name="root"/> (except under folders named <paramref name="skipFolder"/>, which are not
    /// listed): its path relative to the root (with '/') and full path, in ordinal order of the relative path.
    /// </summary>
    public static IEnumerable<(string Relative, string Full)> Files(string root, string? skipFolder = null) =>
        new FileSystemEnumerable<string>(root, (ref FileSystemEntry e) => e.ToFullPath(), new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry e) => skipFolder is null || !e.FileName.SequenceEqual(skipFolder),
        }
            .Select(f => (Relative: Path.GetRelativePath(root, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
}

/// <summary>A file's path relative to the hashed root (with '/') and the SHA-256 of its bytes.</summary>
public sealed record FileHash(string Relative, byte[] Hash);
