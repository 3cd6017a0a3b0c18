using Gongkai.Data;

namespace Gongkai.Archive;

/// <summary>Permanent links: every page of a previous snapshot must still exist in the new site, as itself or as a redirect.</summary>
public static class PermalinkCheck
{
    /// <summary>The page paths listed in <paramref name="previousManifest"/> that the site in <paramref name="site"/> no longer has.</summary>
    public static IReadOnlyList<string> Missing(string previousManifest, string site)
    {
        var manifest = DataJson.Deserialize<SnapshotManifest>(File.ReadAllText(previousManifest))
            ?? throw new InvalidDataException($"{previousManifest}: not a snapshot manifest");
        return [.. manifest.Files
            .Select(f => f.Path)
            .Where(p => p.EndsWith(".html", StringComparison.Ordinal) && !File.Exists(Path.Combine(site, p)))
            .Order(StringComparer.Ordinal)];
    }
}
