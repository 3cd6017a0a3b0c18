namespace Gongkai.Archive;

/// <summary>The manifest of a snapshot: when, from what, and every file of the site with its size and SHA-256.</summary>
public sealed record SnapshotManifest(string Date, string Generator, string Version, string InputHash, string ContentHash, IReadOnlyList<ManifestFile> Files)
{
    /// <summary>The manifest's file name in a snapshot folder.</summary>
    public const string FileName = "manifest.json";
}

/// <summary>A file of the site: path inside the site (with '/'), size in bytes, SHA-256 in lower-case hex.</summary>
public sealed record ManifestFile(string Path, long Size, string Sha256);
